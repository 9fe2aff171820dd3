package ru.smetabot.bot.publishing;

import java.util.List;
import java.util.Locale;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;

/** The publishing screens, as pure functions of their data. */
final class PublishViews {

    static final int MAX_FILE_NAME = 120;

    private PublishViews() {
    }

    /** A room the document can go to. */
    record Choice(long roomId, String title) {
    }

    /** The newest rooms, one button each; {@code more} rooms that did not fit are named with the way to them. */
    static Screen chooser(String fileName, List<Choice> rooms, long more, Texts texts, Locale locale) {
        Buttons keyboard = Buttons.inline();
        rooms.forEach(room -> keyboard.row(Buttons.button("📂 " + room.title(), new Callback.PublishPending(room.roomId()))));
        String text = texts.get(locale, "publish.choose_room", Html.escape(name(fileName)));
        return new Screen(more > 0 ? text + "\n" + texts.get(locale, "publish.more_rooms", more) : text, keyboard.build());
    }

    static Screen done(String fileName, long roomId, String roomTitle, Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "publish.done", Html.escape(name(fileName)), Html.escape(roomTitle)),
                Buttons.inline().row(Buttons.button(texts.get(locale, "publish.open_card"), new Callback.OpenCard(roomId, 0))).build());
    }

    /** Telegram sets no bound on a document's file name, so a long one is cut to keep the screen readable and within 4096. */
    static String name(String fileName) {
        return fileName == null ? "—" : TelegramLimits.cut(fileName, MAX_FILE_NAME);
    }
}
