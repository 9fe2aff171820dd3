package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Asserts a bot message as it arrived in the sandbox against Telegram's limits: the text the user sees
 * (the sandbox stores it after HTML parsing) 1–4096 characters, at most 100 buttons and 8 a row, every
 * callback_data 1–64 bytes.
 */
final class SandboxScreens {

    private SandboxScreens() {
    }

    static void assertWithinTelegramLimits(Message message) {
        assertThat(message.text()).as("text shown").isNotBlank();
        assertThat(message.text().length()).as("characters shown").isLessThanOrEqualTo(4096);
        List<List<Map<String, Object>>> rows = message.inlineKeyboard() == null ? List.of() : message.inlineKeyboard();
        assertThat(rows.stream().mapToInt(List::size).sum()).as("buttons").isLessThanOrEqualTo(100);
        rows.forEach(row -> assertThat(row.size()).as("buttons in a row").isBetween(1, 8));
        rows.stream().flatMap(List::stream).map(b -> (String) b.get("callback_data")).filter(d -> d != null)
                .forEach(data -> assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isBetween(1, 64));
    }

    static List<String> labels(Message message) {
        return message.inlineKeyboard().stream().flatMap(List::stream).map(b -> (String) b.get("text")).toList();
    }
}
