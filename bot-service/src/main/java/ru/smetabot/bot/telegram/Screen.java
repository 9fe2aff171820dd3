package ru.smetabot.bot.telegram;

import java.util.Objects;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;

/**
 * What one message shows: text (HTML) and its keyboard. Renderers build screens from data; the
 * gateway sends or edits them. Only a screen with an inline keyboard (or none) can replace another.
 */
public record Screen(String text, ReplyKeyboard keyboard) {

    public Screen {
        Objects.requireNonNull(text, "text");
    }

    public static Screen text(String text) {
        return new Screen(text, null);
    }

    /** The inline keyboard, or null when the screen has none or a reply keyboard. */
    public InlineKeyboardMarkup inlineKeyboard() {
        return keyboard instanceof InlineKeyboardMarkup inline ? inline : null;
    }
}
