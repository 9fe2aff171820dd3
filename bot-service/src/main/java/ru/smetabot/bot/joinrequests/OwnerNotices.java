package ru.smetabot.bot.joinrequests;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.joinrequests.JoinRequestService.Result;
import ru.smetabot.bot.notifications.NoticeRoom;
import ru.smetabot.bot.notifications.NoticeRooms;

/**
 * Tells the room's owner who joined through which link, or why a request was declined, unless the owner
 * chose the daily digest (or nothing) for the room in "🔔 Уведомления". Queued for {@link OwnerNoticeBatches}, so no
 * decision waits for a sendMessage.
 */
@Component
class OwnerNotices {

    private static final Logger log = LoggerFactory.getLogger(OwnerNotices.class);

    private final OwnerNoticeBatches batches;
    private final Texts texts;

    OwnerNotices(OwnerNoticeBatches batches, Texts texts) {
        this.batches = batches;
        this.texts = texts;
    }

    /** The room comes with its owner and mode ({@link NoticeRooms}), read with the request: nothing is read here. */
    void tellOwner(NoticeRoom room, JoinRequest request, Result result) {
        if (!room.notifiesInstantly()) {
            log.debug("Room {}: no instant notice about user {} (the owner chose {})", room.id(), request.userId(),
                    room.mode().dbValue());
            return;
        }
        if (room.ownerTgUserId() == null) {
            return;
        }
        batches.add(room.ownerTgUserId(), render(room.title(), request, result, texts, Texts.localeOf(room.ownerLanguage())));
    }

    static String render(String roomTitle, JoinRequest request, Result result, Texts texts, Locale locale) {
        String who = who(request, texts, locale);
        String link = Html.escape(result.link().name());
        String title = Html.escape(roomTitle);
        if (result.outcome() == JoinRequestService.Outcome.APPROVED) {
            return texts.get(locale, "joinrequests.approved", who, link, title);
        }
        String reason = texts.get(locale, "joinrequests.reason." + result.verdict().tag(),
                result.link().approvalsLimit() == null ? 0 : result.link().approvalsLimit());
        return texts.get(locale, "joinrequests.declined", who, link, title, reason);
    }

    /** "Иван Петров (@ivan)", or the numeric id when Telegram told us no name. */
    static String who(JoinRequest request, Texts texts, Locale locale) {
        String name = request.fullName() == null ? texts.get(locale, "joinrequests.user_id", String.valueOf(request.userId()))
                : Html.escape(request.fullName());
        return request.username() == null ? name : name + " (@" + Html.escape(request.username()) + ")";
    }
}
