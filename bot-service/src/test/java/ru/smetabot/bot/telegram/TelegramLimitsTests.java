package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TelegramLimitsTests {

    @Test
    void visibleLengthCountsWhatTelegramShowsAfterParsing() {
        assertThat(TelegramLimits.visibleLength("<b>a &amp; b</b> &lt;c&gt; &#128512;")).isEqualTo("a & b <c> x".length());
        assertThat(TelegramLimits.visibleLength("📌 <code>x</code>")).isEqualTo("📌 x".length());
    }

    @Test
    void aCutNeverSplitsAnEmojiAndEndsWithAnEllipsis() {
        String text = "a" + "📌".repeat(150);

        String cut = TelegramLimits.cut(text, 200);

        assertThat(cut).hasSizeLessThanOrEqualTo(200).endsWith("…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(TelegramLimits.cut("short", 200)).isEqualTo("short");
    }

    @Test
    void fitLinesKeepsWholeLinesAndCountsTheRest() {
        List<String> lines = IntStream.range(0, 100).mapToObj(i -> "line " + i + " " + "x".repeat(90)).toList();

        String fitted = TelegramLimits.fitLines(lines, 1000, n -> "…and " + n + " more");

        assertThat(fitted.length()).isLessThanOrEqualTo(1000);
        String[] kept = fitted.split("\n");
        assertThat(kept[kept.length - 1]).isEqualTo("…and " + (100 - (kept.length - 1)) + " more");
        assertThat(kept[0]).isEqualTo(lines.get(0));
    }

    @Test
    void theGuardFallsBackToEscapedPlainTextWhenALineWouldLeaveATagOpen() {
        ScreenGuard guard = new ScreenGuard(new SimpleMeterRegistry());
        String oneHugeLine = "<b>" + "я &amp; ".repeat(1500) + "</b>";

        String cut = guard.html("sendMessage", "text", oneHugeLine, TelegramLimits.MAX_TEXT);

        WithinTelegramLimits.assertText(cut, 4096);
        assertThat(cut).doesNotContain("<b>").startsWith("я &amp; я").endsWith("…");
        assertThat(TelegramLimits.balanced("<b>a</b><i>b</i>")).isTrue();
        assertThat(TelegramLimits.balanced("<b>a<i>b</b></i>")).isFalse();
    }
}
