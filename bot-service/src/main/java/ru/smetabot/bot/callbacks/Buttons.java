package ru.smetabot.bot.callbacks;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

/** Builds inline keyboards row by row; every button's data goes through {@link CallbackCodec}. */
public final class Buttons {

    private final List<InlineKeyboardRow> rows = new ArrayList<>();

    public static Buttons inline() {
        return new Buttons();
    }

    public static InlineKeyboardButton button(String text, Callback callback) {
        return InlineKeyboardButton.builder().text(text).callbackData(CallbackCodec.encode(callback)).build();
    }

    /** A button that opens a Mini App (Telegram passes it the signed initData of the presser). */
    public static InlineKeyboardButton webApp(String text, String url) {
        return InlineKeyboardButton.builder().text(text).webApp(new WebAppInfo(url)).build();
    }

    public Buttons row(InlineKeyboardButton... buttons) {
        if (buttons.length > 0) {
            rows.add(new InlineKeyboardRow(List.of(buttons)));
        }
        return this;
    }

    public Buttons row(List<InlineKeyboardButton> buttons) {
        return row(buttons.toArray(InlineKeyboardButton[]::new));
    }

    public InlineKeyboardMarkup build() {
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
