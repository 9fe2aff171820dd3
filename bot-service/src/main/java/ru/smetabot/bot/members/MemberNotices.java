package ru.smetabot.bot.members;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.User;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.InstantNotices;
import ru.smetabot.bot.notifications.NoticeKind;
import ru.smetabot.bot.notifications.NoticeRoom;

/** The owner's instant notices about members: a client left or was removed; someone joined without a request. */
@Component
class MemberNotices {

    /** What happened to a member: {@code kind}, and for a join the link used (null: not one of ours) and its name. */
    record Change(NoticeKind kind, Long inviteId, String linkName) {

        static Change joined(Long inviteId, String linkName) {
            return new Change(NoticeKind.JOINED_WITHOUT_REQUEST, inviteId, inviteId == null ? null : linkName);
        }

        static Change gone(boolean removed) {
            return new Change(removed ? NoticeKind.CLIENT_REMOVED : NoticeKind.CLIENT_LEFT, null, null);
        }
    }

    private final InstantNotices notices;
    private final Texts texts;

    MemberNotices(InstantNotices notices, Texts texts) {
        this.notices = notices;
        this.texts = texts;
    }

    void tell(NoticeRoom room, User user, Change change) {
        notices.tell(room, change.kind(), locale -> render(room.title(), user, change.kind(), change.linkName(), texts, locale));
    }

    static String render(String roomTitle, User user, NoticeKind kind, String linkName, Texts texts, Locale locale) {
        String who = who(user, texts, locale);
        String title = Html.escape(roomTitle);
        return switch (kind) {
            case CLIENT_LEFT -> texts.get(locale, "notice.left", who, title);
            case CLIENT_REMOVED -> texts.get(locale, "notice.removed", who, title);
            case JOINED_WITHOUT_REQUEST -> linkName == null ? texts.get(locale, "notice.joined.no_link", who, title)
                    : texts.get(locale, "notice.joined.link", who, title, Html.escape(linkName));
            default -> throw new IllegalArgumentException("not a member notice: " + kind);
        };
    }

    /** "Иван Петров (@ivan)". */
    static String who(User user, Texts texts, Locale locale) {
        String name = user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
        name = name == null || name.isBlank() ? texts.get(locale, "ack.user_id", String.valueOf(user.getId())) : Html.escape(name);
        return user.getUserName() == null ? name : name + " (@" + Html.escape(user.getUserName()) + ")";
    }
}
