package ru.smetabot.bot.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import ru.smetabot.bot.i18n.Html;

/**
 * The gateway's safety net for Telegram's size limits. Screens bound themselves (pages, "…и ещё N");
 * when one still does not, this cuts it so Telegram accepts it, counts
 * {@code smetabot.bot.screens.cut{what,method}} and logs a warning naming the screen's first line, so
 * an operator learns which screen to fix.
 */
@Component
class ScreenGuard {

    private static final Logger log = LoggerFactory.getLogger(ScreenGuard.class);
    private static final String ELLIPSIS = "…";

    private final MeterRegistry meters;

    ScreenGuard(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An HTML text (or caption, with {@code max} 1024) within {@code max} characters as Telegram counts them. */
    String html(String method, String what, String html, int max) {
        if (html == null || html.length() <= max) {
            return html;
        }
        int visible = TelegramLimits.visibleLength(html);
        if (visible <= max) {
            return html;
        }
        String fitted = dropLines(html, max);
        cut(method, what, visible, html);
        return fitted;
    }

    /** A callback answer (plain text) of at most 200 characters. */
    String answer(String text) {
        if (text == null || text.length() <= TelegramLimits.MAX_ANSWER) {
            return text;
        }
        cut("answerCallbackQuery", "answer", text.length(), text);
        return TelegramLimits.cut(text, TelegramLimits.MAX_ANSWER);
    }

    /** An inline keyboard of at most 100 buttons and 8 a row: the last row (the way back) is kept. */
    InlineKeyboardMarkup keyboard(String method, InlineKeyboardMarkup keyboard) {
        if (keyboard == null || keyboard.getKeyboard() == null) {
            return keyboard;
        }
        List<InlineKeyboardRow> rows = keyboard.getKeyboard();
        int buttons = rows.stream().mapToInt(List::size).sum();
        boolean wideRow = rows.stream().anyMatch(r -> r.size() > TelegramLimits.MAX_ROW);
        if (buttons <= TelegramLimits.MAX_BUTTONS && !wideRow) {
            return keyboard;
        }
        List<InlineKeyboardRow> kept = new ArrayList<>();
        InlineKeyboardRow last = narrow(rows.get(rows.size() - 1));
        int room = TelegramLimits.MAX_BUTTONS - last.size();
        for (InlineKeyboardRow row : rows.subList(0, rows.size() - 1)) {
            InlineKeyboardRow narrow = narrow(row);
            if (narrow.size() > room) {
                break;
            }
            kept.add(narrow);
            room -= narrow.size();
        }
        kept.add(last);
        cut(method, "keyboard", buttons, "");
        return InlineKeyboardMarkup.builder().keyboard(kept).build();
    }

    private static InlineKeyboardRow narrow(InlineKeyboardRow row) {
        return row.size() <= TelegramLimits.MAX_ROW ? row : new InlineKeyboardRow(row.subList(0, TelegramLimits.MAX_ROW));
    }

    /** Whole lines from the end while tags stay balanced; else plain text, escaped again and cut. */
    private static String dropLines(String html, int max) {
        String text = html;
        int reserve = 1 + ELLIPSIS.length();
        while (text.indexOf('\n') > 0 && TelegramLimits.visibleLength(text) + reserve > max) {
            text = text.substring(0, text.lastIndexOf('\n'));
        }
        if (TelegramLimits.visibleLength(text) + reserve <= max && TelegramLimits.balanced(text)) {
            return text + "\n" + ELLIPSIS;
        }
        String plain = decode(html.replaceAll("<[^>]*>", ""));
        return Html.escape(TelegramLimits.cut(plain, max));
    }

    private static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private void cut(String method, String what, int size, String content) {
        meters.counter("smetabot.bot.screens.cut", "what", what, "method", method).increment();
        String firstLine = content.lines().findFirst().orElse("");
        log.warn("A {} of {} was over Telegram's limit ({} characters/buttons) and was cut; bound the screen that "
                + "starts with: {}", what, method, size, TelegramLimits.cut(firstLine, 80));
    }
}
