package ru.smetabot.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.WithinTelegramLimits;

class ChartKeyboardTests {

    @Test
    void aPageOfLongFileNamesOfARoomWithThousandsOfFilesStaysWithinTelegramsLimitsWithThePager() {
        List<ChartKeyboard.FileButton> files = LongStream.range(0, ChartKeyboard.FILES_PER_PAGE)
                .mapToObj(i -> new ChartKeyboard.FileButton(987_654_321_098_765_000L + i, "смета <&> " + "ф".repeat(240) + i))
                .toList();

        InlineKeyboardMarkup keyboard = ChartKeyboard.render(
                new ChartKeyboard.FilePage(123_456_789_012_345_678L, files, 40, 99), new Texts(), Texts.RUSSIAN);

        WithinTelegramLimits.assertKeyboard(keyboard);
        List<String> labels = WithinTelegramLimits.buttons(keyboard).stream().map(InlineKeyboardButton::getText).toList();
        assertThat(labels).contains("⬅️", "41 / 99", "➡️");
        assertThat(labels.get(0)).hasSizeLessThan(40).endsWith("…");
    }
}
