package ru.smetabot.bot.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Texts;

/**
 * The buttons under the room's chart: one per file (newest first, as on the card), two a row, paged;
 * pressing one sends that file's chart. Pure.
 */
final class ChartKeyboard {

    static final int FILES_PER_PAGE = 6;
    private static final int MAX_NAME = 28;

    private ChartKeyboard() {
    }

    /** A page of the room's live files. */
    record FilePage(long roomId, List<FileButton> files, int page, int pages) {
    }

    record FileButton(long publicationId, String fileName) {
    }

    static InlineKeyboardMarkup render(FilePage page, Texts texts, Locale locale) {
        Buttons keyboard = Buttons.inline();
        List<InlineKeyboardButton> row = new ArrayList<>();
        for (FileButton file : page.files()) {
            row.add(Buttons.button(texts.get(locale, "reports.chart.file_button", shorten(file.fileName())),
                    new Callback.FileChart(page.roomId(), file.publicationId())));
            if (row.size() == 2) {
                keyboard.row(row);
                row = new ArrayList<>();
            }
        }
        keyboard.row(row);
        return keyboard.row(Pager.row(page.page(), page.pages(), p -> new Callback.ChartFiles(page.roomId(), p), texts, locale))
                .build();
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
