package ru.smetabot.bot.acknowledgements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.acknowledgements.AckData.CardAcks;
import ru.smetabot.bot.acknowledgements.AckData.FileAck;
import ru.smetabot.bot.acknowledgements.AckData.FilePage;
import ru.smetabot.bot.acknowledgements.AckData.FilesPage;
import ru.smetabot.bot.acknowledgements.AckData.Person;
import ru.smetabot.bot.channels.CardData;
import ru.smetabot.bot.channels.CardView;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;
import ru.smetabot.bot.telegram.WithinTelegramLimits;

class AckViewsTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final Texts texts = new Texts();

    @Test
    void theCardShowsAcknowledgedOfActiveClientsForFilesWithTheButtonOnly() {
        CardData card = new CardData(7, "Иванов", 2, 14, null,
                List.of(new CardData.FileLine("smeta.pdf", 9, Instant.parse("2026-11-24T10:00:00Z")),
                        new CardData.FileLine("plan.dwg", 5, Instant.parse("2026-11-23T10:00:00Z"))), 0, 1, null);
        CardAcks acks = new CardAcks(true, 3, List.of(new FileAck(11, "smeta.pdf", true, 2), new FileAck(10, "plan.dwg", false, 0)));

        Screen screen = CardView.render(card, acks, texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).isEqualTo("""
                📌 <b>Иванов</b>
                📊 Файлов: 2 · Просмотров: 14
                🕒 Просмотры обновлены: ещё не обновлялись

                📂 Последние файлы (стр. 1 из 1):
                • smeta.pdf — 👁 9 · 24.11.2026 · ✅ 2/3
                • plan.dwg — 👁 5 · 23.11.2026""");
        assertThat(buttons(screen)).containsEntry("✅ Ознакомления", "ak:7:0");
        WithinTelegramLimits.assertWithin(screen);
        assertThat(buttons(CardView.render(card, CardAcks.NONE, texts, Texts.RUSSIAN, MOSCOW)))
                .as("a room without the button and without such files has no acknowledgements button")
                .doesNotContainKey("✅ Ознакомления");
    }

    @Test
    void theFilesScreenListsFilesWithTheButtonAndTheSwitch() {
        FilesPage page = new FilesPage(7, "Иванов <кухня>", true, 3,
                List.of(new FileAck(11, "smeta.pdf", true, 2), new FileAck(12, "план.pdf", true, 0)), 0, 1);

        Screen screen = AckViews.files(page, texts, Texts.RUSSIAN);

        assertThat(screen.text()).isEqualTo("""
                ✅ <b>Ознакомления — «Иванов &lt;кухня&gt;»</b>
                Кнопка «✅ Ознакомлен» под новыми файлами: <b>включена</b>.
                👥 Клиентов в канале сейчас: 3

                📂 Файлы с кнопкой (стр. 1 из 1) — выберите, чтобы увидеть, кто ознакомился:""");
        assertThat(buttons(screen)).containsExactly(Map.entry("📄 smeta.pdf — ✅ 2/3", "ak:7:f:11:0"),
                Map.entry("📄 план.pdf — ✅ 0/3", "ak:7:f:12:0"),
                Map.entry("🚫 Выключить кнопку под новыми файлами", "ak:7:off"), Map.entry("⬅️ К каналу", "ch:7:card:0"));
        WithinTelegramLimits.assertWithin(screen);
    }

    @Test
    void theFileScreenListsWhoAcknowledgedWhenAndWhoHasNot() {
        FilePage page = new FilePage(7, "Иванов", 11, "smeta.pdf", 1, 2,
                List.of(new Person(1, 101, "Анна Смирнова", "anna", Instant.parse("2026-11-24T10:05:00Z")),
                        new Person(2, 102, null, null, null)),
                0, 1, Instant.parse("2026-11-24T12:00:00Z"));

        Screen screen = AckViews.file(page, texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).isEqualTo("""
                📄 <b>smeta.pdf</b> в «Иванов»
                ✅ Ознакомились: 1 из 2 клиентов
                🔔 Последнее напоминание: 24.11.2026 15:00

                👥 Клиенты (стр. 1 из 1):
                ✅ Анна Смирнова (@anna) — 24.11.2026 13:05
                ⏳ id 102 — ещё нет""");
        assertThat(buttons(screen)).containsExactly(Map.entry("🔔 Напомнить (1)", "ak:7:r:11"),
                Map.entry("⬅️ К файлам", "ak:7:0"));
        assertThat(AckViews.file(page, texts, Texts.ENGLISH, MOSCOW).text()).contains("✅ Acknowledged: 1 of 2 clients")
                .contains("⏳ id 102 — not yet");
    }

    @Test
    void aFullPageOfLongNamesStaysWithinTelegramLimitsAndPagesWithTheSharedPager() {
        List<Person> people = LongStream.range(0, AckViews.PEOPLE_PER_PAGE).mapToObj(i -> new Person(i, 1000 + i,
                "Имя <b>" + "я".repeat(5000), "user" + i, i % 2 == 0 ? Instant.parse("2026-11-24T10:05:00Z") : null)).toList();
        FilePage page = new FilePage(7, "Т".repeat(255), 11, "ф".repeat(3000) + ".pdf", 8, 40, people, 1, 3, null);

        Screen screen = AckViews.file(page, texts, Texts.RUSSIAN, MOSCOW);

        WithinTelegramLimits.assertWithin(screen);
        assertThat(buttons(screen)).containsKeys("⬅️", "2 / 3", "➡️");
        assertThat(buttons(screen).get("➡️")).isEqualTo("ak:7:f:11:2");
    }

    @Test
    void theReminderResultNamesThoseWhoNeverStartedTheBotAndFitsOneMessage() {
        List<Person> unreachable = IntStream.range(0, 500).mapToObj(i -> new Person(i, 2000 + i, "Клиент " + i, null, null))
                .toList();

        String text = AckViews.remindResult("smeta.pdf", 3, unreachable, 1, texts, Texts.RUSSIAN);

        assertThat(text).startsWith("""
                🔔 Напоминание о «smeta.pdf» отправлено: 3.
                Не удалось напомнить — не запускали бота (или заблокировали его): 500
                • Клиент 0
                • Клиент 1""").contains("…и ещё ");
        WithinTelegramLimits.assertText(text, TelegramLimits.MAX_TEXT);
        assertThat(AckViews.remindResult("smeta.pdf", 2, List.of(), 0, texts, Texts.RUSSIAN))
                .isEqualTo("🔔 Напоминание о «smeta.pdf» отправлено: 2.");
    }

    @Test
    void theAnswersToAPressFitTelegramsToast() {
        for (String key : List.of("ack.thanks", "ack.already", "ack.not_client", "ack.switched_off", "ack.unknown_post",
                "ack.remind.too_soon", "ack.remind.sending")) {
            for (java.util.Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
                assertThat(texts.get(locale, key, "24.11.2026 13:05", 60).length()).as(key).isLessThanOrEqualTo(TelegramLimits.MAX_ANSWER);
            }
        }
        assertThat(AckViews.postButton(texts, Texts.RUSSIAN).getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("ack");
    }

    private static Map<String, String> buttons(Screen screen) {
        return screen.inlineKeyboard().getKeyboard().stream().flatMap(List::stream)
                .collect(Collectors.toMap(InlineKeyboardButton::getText, InlineKeyboardButton::getCallbackData, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
