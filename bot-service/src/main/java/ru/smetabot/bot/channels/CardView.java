package ru.smetabot.bot.channels;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.acknowledgements.AckData.CardAcks;
import ru.smetabot.bot.acknowledgements.AckViews;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;

/** Renders the room card: numbers, last refresh, latest files with views, and the room's buttons. */
public final class CardView {

    /** File names on the card are cut here: five a page then stay far below Telegram's 4096 characters. */
    static final int MAX_FILE_NAME = 120;

    private CardView() {
    }

    public static Screen render(CardData card, Texts texts, Locale locale, ZoneId zone) {
        return render(card, CardAcks.NONE, texts, locale, zone);
    }

    /** The card with "✅ 2/3" after each file that asks for acknowledgements ({@code acks} follows the page's lines). */
    public static Screen render(CardData card, CardAcks acks, Texts texts, Locale locale, ZoneId zone) {
        String refreshed = card.refreshedAt() == null
                ? texts.get(locale, "card.never_refreshed") : Dates.dateTime(card.refreshedAt(), zone);
        StringBuilder text = new StringBuilder()
                .append(texts.get(locale, "card.title", Html.escape(card.title()))).append('\n')
                .append(texts.get(locale, "card.stats", card.files(), card.views())).append('\n')
                .append(texts.get(locale, "card.refreshed", refreshed)).append('\n');
        if (card.notice() != null) {
            text.append(notice(card.notice(), refreshed, texts, locale)).append('\n');
        }
        text.append('\n');
        if (card.latest().isEmpty()) {
            text.append(texts.get(locale, "card.no_files"));
        } else {
            text.append(texts.get(locale, "card.files_header", card.page() + 1, Math.max(card.pages(), 1)));
            for (int i = 0; i < card.latest().size(); i++) {
                CardData.FileLine file = card.latest().get(i);
                text.append('\n').append(texts.get(locale, "card.file", Html.escape(TelegramLimits.cut(file.fileName(), MAX_FILE_NAME)), file.views(),
                        Dates.date(file.postedAt(), zone)));
                if (file.reach() != null) {
                    text.append(texts.get(locale, "card.file_reach", file.reach()));
                }
                text.append(AckViews.cardSuffix(i < acks.files().size() ? acks.files().get(i) : null, acks.activeClients(), texts, locale));
            }
        }
        Buttons keyboard = keyboard(card, acks, texts, locale);
        return new Screen(text.toString(), keyboard.build());
    }

    private static String notice(CardNotice notice, String refreshed, Texts texts, Locale locale) {
        return switch (notice.kind()) {
            case FLOOD_WAIT -> texts.get(locale, "card.notice.flood_wait", notice.retryAfterSeconds(), refreshed);
            case UNAVAILABLE -> texts.get(locale, "card.notice.unavailable", refreshed);
            case OTHER -> texts.get(locale, "card.notice.other", texts.get(locale, "card.reason." + notice.detail()), refreshed);
        };
    }

    private static Buttons keyboard(CardData card, CardAcks acks, Texts texts, Locale locale) {
        long id = card.roomId();
        Buttons keyboard = Buttons.inline()
                .row(Buttons.button(texts.get(locale, "card.refresh"), new Callback.RefreshStats(id)));
        if (needsAccount(card.notice())) {
            // The refresh failed because the owner's account is not signed in: the way out, right here.
            keyboard.row(Buttons.button(texts.get(locale, "rooms.connect_button"), new Callback.ConnectAccount()));
        }
        keyboard.row(Buttons.button(texts.get(locale, "card.members"), new Callback.Members(id)),
                        Buttons.button(texts.get(locale, "card.links"), new Callback.Links(id)))
                .row(Buttons.button(texts.get(locale, "card.publish"), new Callback.PublishHere(id)));
        keyboard.row(Buttons.button(texts.get(locale, "card.chart"), new Callback.ViewsChart(id)),
                Buttons.button(texts.get(locale, "card.export"), new Callback.Export(id)));
        keyboard.row(Buttons.button(texts.get(locale, "card.members_chart"), new Callback.MembersChart(id)));
        keyboard.row(Buttons.button(texts.get(locale, "card.notifications"), new Callback.NotifySettings(id)));
        if (acks.enabled() || acks.files().stream().anyMatch(ru.smetabot.bot.acknowledgements.AckData.FileAck::asked)) {
            keyboard.row(Buttons.button(texts.get(locale, "card.acknowledgements"), new Callback.AckFiles(id, 0)));
        }
        keyboard.row(Buttons.button(texts.get(locale, "card.rename"), new Callback.RenameRoom(id)),
                Buttons.button(texts.get(locale, "card.archive"), new Callback.ArchiveAsk(id)));
        keyboard.row(filePager(card, texts, locale));
        return keyboard.row(Buttons.button(texts.get(locale, "card.back"), new Callback.RoomList(0)));
    }

    private static boolean needsAccount(CardNotice notice) {
        return notice != null && notice.kind() == CardNotice.Kind.OTHER
                && ("not_authorized".equals(notice.detail()) || "no_account".equals(notice.detail()));
    }

    private static List<InlineKeyboardButton> filePager(CardData card, Texts texts, Locale locale) {
        return Pager.row(card.page(), card.pages(), page -> new Callback.OpenCard(card.roomId(), page), texts, locale);
    }
}
