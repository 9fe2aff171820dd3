package ru.smetabot.bot.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.i18n.Texts;

/**
 * The one pager row every paged screen uses: "⬅️", the page counter (a no-op button) and "➡️";
 * empty for a single page. {@code page} is 0-based, {@code to} makes the callback of another page.
 */
public final class Pager {

    private Pager() {
    }

    public static List<InlineKeyboardButton> row(int page, int pages, IntFunction<Callback> to, Texts texts, Locale locale) {
        List<InlineKeyboardButton> row = new ArrayList<>();
        if (pages <= 1) {
            return row;
        }
        if (page > 0) {
            row.add(Buttons.button("⬅️", to.apply(Math.min(page, pages) - 1)));
        }
        row.add(Buttons.button(texts.get(locale, "pager", Math.min(page, pages - 1) + 1, pages), new Callback.Noop()));
        if (page + 1 < pages) {
            row.add(Buttons.button("➡️", to.apply(page + 1)));
        }
        return row;
    }

    /** How many pages {@code total} items make at {@code perPage} a page (at least one). */
    public static int pages(long total, int perPage) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    /** {@code page} within 0 … pages−1 (callback data is untrusted, and lists shrink). */
    public static int clamp(int page, int pages) {
        return Math.max(0, Math.min(page, pages - 1));
    }
}
