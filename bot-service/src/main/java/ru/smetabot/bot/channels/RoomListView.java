package ru.smetabot.bot.channels;

import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

/** Renders "📢 Мои каналы": totals, then one button per room, then page arrows. */
public final class RoomListView {

    private RoomListView() {
    }

    public static Screen render(RoomListPage data, Texts texts, Locale locale) {
        return render(data, 0, texts, locale);
    }

    /** The list with "🗄 Архив (N)" under the rooms when the owner has {@code archived} archived rooms. */
    public static Screen render(RoomListPage data, long archived, Texts texts, Locale locale) {
        RoomListPage.Overview o = data.overview();
        StringBuilder text = new StringBuilder(texts.get(locale, "channels.overview", o.rooms(), o.files(), o.views(), o.clients()));
        if (data.rooms().isEmpty()) {
            text.append("\n\n").append(texts.get(locale, "channels.empty"));
            return archived == 0 ? Screen.text(text.toString()) : new Screen(text.toString(), Buttons.inline()
                    .row(archiveButton(archived, texts, locale)).build());
        }
        text.append("\n\n").append(texts.get(locale, "channels.choose"));
        Buttons keyboard = Buttons.inline();
        for (RoomListPage.RoomLine room : data.rooms()) {
            String label = texts.get(locale, "channels.room_button", room.title(), room.files(), room.views());
            keyboard.row(Buttons.button(label, new Callback.OpenCard(room.roomId(), 0)));
        }
        keyboard.row(pager(data.page(), data.pages(), texts, locale));
        keyboard.row(Buttons.button(texts.get(locale, "channels.search"), new Callback.SearchRooms()));
        if (archived > 0) {
            keyboard.row(archiveButton(archived, texts, locale));
        }
        return new Screen(text.toString(), keyboard.build());
    }

    /** Rooms whose title contains {@code query}; at most {@code limit} are shown. */
    public static Screen renderSearch(String query, List<RoomListPage.RoomLine> found, int limit, Texts texts, Locale locale) {
        String text = found.isEmpty() ? texts.get(locale, "channels.search_none", Html.escape(query))
                : texts.get(locale, "channels.search_found", Html.escape(query), found.size())
                        + (found.size() >= limit ? "\n" + texts.get(locale, "channels.search_first", limit) : "");
        Buttons keyboard = Buttons.inline();
        for (RoomListPage.RoomLine room : found) {
            keyboard.row(Buttons.button(texts.get(locale, "channels.room_button", room.title(), room.files(), room.views()),
                    new Callback.OpenCard(room.roomId(), 0)));
        }
        keyboard.row(Buttons.button(texts.get(locale, "channels.all"), new Callback.RoomList(0)));
        return new Screen(text, keyboard.build());
    }

    private static InlineKeyboardButton archiveButton(long archived, Texts texts, Locale locale) {
        return Buttons.button(texts.get(locale, "channels.archive", archived), new Callback.ArchivedList(0));
    }

    static List<InlineKeyboardButton> pager(int page, int pages, Texts texts, Locale locale) {
        return Pager.row(page, pages, Callback.RoomList::new, texts, locale);
    }
}
