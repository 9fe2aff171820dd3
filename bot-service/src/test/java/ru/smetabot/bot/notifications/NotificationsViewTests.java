package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class NotificationsViewTests {

    private final Texts texts = new Texts();
    private final DigestProperties digests = new DigestProperties("09:00", "MONDAY", "10:00", ZoneId.of("Europe/Moscow"),
            null, null, null);

    @Test
    void marksTheCurrentModeAndTellsWhenDigestsCome() {
        Screen screen = NotificationsView.render(7, "Иванов <кухня>", NotificationMode.DAILY, digests, texts, Texts.RUSSIAN);

        assertThat(screen.text()).startsWith("🔔 <b>Уведомления канала «Иванов &lt;кухня&gt;»</b>\n")
                .contains("одна сводка в 09:00 (Europe/Moscow)").contains("Итог недели по просмотрам: понедельник, 10:00 (Europe/Moscow)")
                .endsWith("Сейчас: 📰 Раз в день");
        assertThat(buttons(screen)).containsExactly(Map.entry("⚡ Сразу", "nt:7:instant"), Map.entry("📰 Раз в день ✅", "nt:7:daily"),
                Map.entry("🔕 Выключены", "nt:7:off"), Map.entry("⬅️ К каналу", "ch:7:card:0"));
    }

    @Test
    void speaksEnglish() {
        Screen screen = NotificationsView.render(7, "Dacha", NotificationMode.INSTANT, digests, texts, Texts.ENGLISH);

        assertThat(screen.text()).endsWith("Now: ⚡ Instantly").contains("Weekly views summary: Monday, 10:00");
        assertThat(buttons(screen)).containsKeys("⚡ Instantly ✅", "📰 Daily", "🔕 Off", "⬅️ To the room");
    }

    private static Map<String, String> buttons(Screen screen) {
        Map<String, String> buttons = new LinkedHashMap<>();
        screen.inlineKeyboard().getKeyboard().forEach(row -> row.forEach(b -> buttons.put(b.getText(), b.getCallbackData())));
        return buttons;
    }
}
