package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * Test helper: asserts a screen as Telegram would check it (Bot API docs): text 1–4096 characters after
 * HTML parsing, only the tags Telegram's HTML accepts, every callback_data 1–64 bytes, at most 100
 * buttons and 8 a row. Written independently of {@link TelegramLimits} so it checks that code too.
 */
public final class WithinTelegramLimits {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z-]*)[^>]*>");

    private WithinTelegramLimits() {
    }

    /** The text as Telegram shows it: tags stripped, the four named entities and numeric ones decoded. */
    public static String parsed(String html) {
        String stripped = TAG.matcher(html).replaceAll("");
        Matcher numeric = Pattern.compile("&#(\\d+);").matcher(stripped);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            numeric.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(numeric.group(1)))));
        }
        numeric.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    public static void assertText(String html, int max) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            assertThat(TAGS).as("tag <%s> is not in Telegram's HTML", tag.group(1)).contains(tag.group(1).toLowerCase());
        }
        assertThat(html.replaceAll(TAG.pattern(), "")).as("a bare < or an unknown entity").doesNotContain("<")
                .doesNotContainPattern("&(?!lt;|gt;|amp;|quot;|#\\d+;)");
        String shown = parsed(html);
        assertThat(shown.strip()).as("text after parsing").isNotEmpty();
        assertThat(shown.length()).as("characters after HTML parsing").isLessThanOrEqualTo(max);
    }

    public static void assertWithin(Screen screen) {
        assertText(screen.text(), 4096);
        assertKeyboard(screen.inlineKeyboard());
    }

    public static void assertKeyboard(InlineKeyboardMarkup keyboard) {
        if (keyboard == null) {
            return;
        }
        assertThat(keyboard.getKeyboard().stream().mapToInt(List::size).sum()).as("buttons").isLessThanOrEqualTo(100);
        keyboard.getKeyboard().forEach(row -> assertThat(row.size()).as("buttons in a row").isBetween(1, 8));
        for (InlineKeyboardButton button : buttons(keyboard)) {
            if (button.getCallbackData() != null) {
                assertThat(button.getCallbackData().getBytes(StandardCharsets.UTF_8).length).as(button.getCallbackData())
                        .isBetween(1, 64);
            }
        }
    }

    public static List<InlineKeyboardButton> buttons(InlineKeyboardMarkup keyboard) {
        return keyboard.getKeyboard().stream().flatMap(List::stream).toList();
    }

    public static List<String> labels(Screen screen) {
        return buttons(screen.inlineKeyboard()).stream().map(InlineKeyboardButton::getText).toList();
    }
}
