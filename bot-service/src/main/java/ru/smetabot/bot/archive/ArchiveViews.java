package ru.smetabot.bot.archive;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;

/** The archive's screens: the confirmation, the result, "🗄 Архив" and an archived room's card. Pure. */
final class ArchiveViews {

    static final int ROOMS_PER_PAGE = 6;
    /** Titles are at most 128 characters in Telegram; a button shows fewer. */
    static final int MAX_BUTTON_TITLE = 40;

    private ArchiveViews() {
    }

    record Confirm(long roomId, String title, long links, long clients) {
    }

    record RoomLine(long roomId, String title, Instant archivedAt) {
    }

    record ListPage(List<RoomLine> rooms, int page, int pages) {

        ListPage {
            rooms = List.copyOf(rooms);
        }
    }

    record Card(long roomId, String title, Instant archivedAt, long files, long views, long clients) {
    }

    /** "🗄 В архив": what archiving does, with the choice about the clients. */
    static Screen confirm(Confirm c, Texts texts, Locale locale) {
        String text = texts.get(locale, "archive.confirm", Html.escape(c.title()), c.links(), c.clients());
        Buttons keyboard = Buttons.inline()
                .row(Buttons.button(texts.get(locale, "archive.keep_clients"), new Callback.ArchiveRoom(c.roomId(), false)));
        if (c.clients() > 0) {
            keyboard.row(Buttons.button(texts.get(locale, "archive.remove_clients"), new Callback.ArchiveRoom(c.roomId(), true)));
        }
        return new Screen(text, keyboard.row(Buttons.button(texts.get(locale, "archive.cancel"),
                new Callback.OpenCard(c.roomId(), 0))).build());
    }

    /** After archiving: what was done, and the hint when Telegram refused something. */
    static Screen archived(String title, RoomArchive.Result result, String hint, Texts texts, Locale locale) {
        StringBuilder text = new StringBuilder(texts.get(locale, "archive.done", Html.escape(title), result.linksRevoked()));
        if (result.clientsRemoved() > 0) {
            text.append('\n').append(texts.get(locale, "archive.clients_removed", result.clientsRemoved()));
        }
        if (!result.complete()) {
            text.append('\n').append(texts.get(locale, "archive.partial", result.linksFailed(), result.clientsFailed(),
                    Html.escape(hint)));
        }
        return new Screen(text.toString(), Buttons.inline()
                .row(Buttons.button(texts.get(locale, "archive.open_list"), new Callback.ArchivedList(0)))
                .row(Buttons.button(texts.get(locale, "archive.my_channels"), new Callback.RoomList(0))).build());
    }

    /** "🗄 Архив": one button per archived room, newest archived first, paged. */
    static Screen list(ListPage page, Texts texts, Locale locale, ZoneId zone) {
        Buttons keyboard = Buttons.inline();
        if (page.rooms().isEmpty()) {
            return new Screen(texts.get(locale, "archive.list_empty"), keyboard
                    .row(Buttons.button(texts.get(locale, "archive.my_channels"), new Callback.RoomList(0))).build());
        }
        for (RoomLine room : page.rooms()) {
            keyboard.row(Buttons.button(texts.get(locale, "archive.room_button",
                    TelegramLimits.cut(room.title(), MAX_BUTTON_TITLE), Dates.date(room.archivedAt(), zone)),
                    new Callback.ArchivedCard(room.roomId())));
        }
        keyboard.row(Pager.row(page.page(), page.pages(), Callback.ArchivedList::new, texts, locale));
        return new Screen(texts.get(locale, "archive.list"), keyboard
                .row(Buttons.button(texts.get(locale, "archive.my_channels"), new Callback.RoomList(0))).build());
    }

    /** An archived room: its numbers and what can still be done with it. */
    static Screen card(Card c, Texts texts, Locale locale, ZoneId zone) {
        String text = texts.get(locale, "archive.card", Html.escape(c.title()), Dates.date(c.archivedAt(), zone),
                c.files(), c.views(), c.clients());
        long id = c.roomId();
        return new Screen(text, Buttons.inline()
                .row(Buttons.button(texts.get(locale, "card.export"), new Callback.Export(id)),
                        Buttons.button(texts.get(locale, "card.members_chart"), new Callback.MembersChart(id)))
                .row(Buttons.button(texts.get(locale, "archive.reopen"), new Callback.ReopenRoom(id)),
                        Buttons.button(texts.get(locale, "card.rename"), new Callback.RenameRoom(id)))
                .row(Buttons.button(texts.get(locale, "archive.back"), new Callback.ArchivedList(0))).build());
    }
}
