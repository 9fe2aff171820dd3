package ru.smetabot.bot.channels;

import ru.smetabot.bot.telegram.WithinTelegramLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class CardViewTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant REFRESHED = Instant.parse("2026-11-25T09:30:00Z");
    private final Texts texts = new Texts();

    private final CardData card = new CardData(7, "Иванов <кухня>", 6, 14, REFRESHED,
            List.of(new CardData.FileLine("smeta.pdf", 9, Instant.parse("2026-11-24T10:00:00Z")),
                    new CardData.FileLine("plan.dwg", 5, Instant.parse("2026-11-23T10:00:00Z"))),
            0, 2, null);

    @Test
    void showsNumbersRefreshTimeAndLatestFilesInRussian() {
        Screen screen = CardView.render(card, texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).isEqualTo("""
                📌 <b>Иванов &lt;кухня&gt;</b>
                📊 Файлов: 6 · Просмотров: 14
                🕒 Просмотры обновлены: 25.11.2026 12:30

                📂 Последние файлы (стр. 1 из 2):
                • smeta.pdf — 👁 9 · 24.11.2026
                • plan.dwg — 👁 5 · 23.11.2026""");
        assertThat(buttons(screen)).containsExactly(
                Map.entry("🔄 Обновить статистику", "ch:7:refresh"), Map.entry("👥 Участники", "ch:7:members"),
                Map.entry("🔗 Ссылки", "ch:7:links"), Map.entry("📤 Опубликовать файл", "ch:7:publish"),
                Map.entry("📈 График", "ch:7:chart"), Map.entry("📥 Экспорт", "ch:7:export"),
                Map.entry("👥 Участники по дням", "mc:7"), Map.entry("🔔 Уведомления", "nt:7"),
                Map.entry("✏️ Переименовать", "ar:7:rename"), Map.entry("🗄 В архив", "ar:7:ask"),
                Map.entry("1 / 2", "noop"), Map.entry("➡️", "ch:7:card:1"), Map.entry("⬅️ Назад", "rl:0"));
    }

    @Test
    void speaksEnglishToEnglishUsers() {
        Screen screen = CardView.render(card, texts, Texts.ENGLISH, MOSCOW);

        assertThat(screen.text()).contains("📊 Files: 6 · Views: 14").contains("🕒 Views refreshed: 25.11.2026 12:30")
                .contains("Latest files (page 1 of 2)");
        assertThat(buttons(screen)).containsKeys("🔄 Refresh stats", "👥 Members", "🔗 Links", "📤 Publish a file",
                "📈 Chart", "📥 Export", "👥 Members by day", "🔔 Notifications", "✏️ Rename", "🗄 Archive", "⬅️ Back");
    }

    @Test
    void eachFileShowsItsReachWhenThereWereMembersAtPosting() {
        CardData withReach = new CardData(7, "Иванов", 2, 13, REFRESHED,
                List.of(new CardData.FileLine("smeta.pdf", 12, Instant.parse("2026-11-24T10:00:00Z"), 15),
                        new CardData.FileLine("plan.dwg", 1, Instant.parse("2026-11-23T10:00:00Z"), 0)),
                0, 1, null);

        Screen screen = CardView.render(withReach, texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).isEqualTo("""
                📌 <b>Иванов</b>
                📊 Файлов: 2 · Просмотров: 13
                🕒 Просмотры обновлены: 25.11.2026 12:30

                📂 Последние файлы (стр. 1 из 1):
                • smeta.pdf — 👁 12 · 24.11.2026 · охват 80%
                • plan.dwg — 👁 1 · 23.11.2026""");
        assertThat(CardView.render(withReach, texts, Texts.ENGLISH, MOSCOW).text()).contains("👁 12 · 24.11.2026 · reach 80%");
        WithinTelegramLimits.assertWithin(screen);
    }

    @Test
    void aFloodWaitKeepsTheLastNumbersAndSaysSinceWhenAndWhy() {
        Screen screen = CardView.render(card.withNotice(CardNotice.floodWait(42)), texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).contains("Просмотров: 14")
                .contains("⚠️ Telegram просит подождать 42 с. Показаны данные на 25.11.2026 12:30");
    }

    @Test
    void anOutageOrOtherReasonIsNamed() {
        assertThat(CardView.render(card.withNotice(CardNotice.unavailable()), texts, Texts.ENGLISH, MOSCOW).text())
                .contains("The statistics service is unavailable. Showing the numbers as of 25.11.2026 12:30");
        assertThat(CardView.render(card.withNotice(CardNotice.other("not_authorized")), texts, Texts.RUSSIAN, MOSCOW).text())
                .contains("Не удалось обновить: аккаунт не подключён");
    }

    @Test
    void aRefreshThatNeedsTheAccountOffersToConnectIt() {
        for (String reason : List.of("not_authorized", "no_account")) {
            Screen screen = CardView.render(card.withNotice(CardNotice.other(reason)), texts, Texts.RUSSIAN, MOSCOW);
            assertThat(buttons(screen)).containsEntry("🔐 Подключить аккаунт", "acct:connect");
        }
        for (CardNotice other : List.of(CardNotice.other("no_access"), CardNotice.floodWait(5), CardNotice.unavailable())) {
            assertThat(buttons(CardView.render(card.withNotice(other), texts, Texts.RUSSIAN, MOSCOW)))
                    .doesNotContainKey("🔐 Подключить аккаунт");
        }
        assertThat(buttons(CardView.render(card, texts, Texts.RUSSIAN, MOSCOW))).doesNotContainKey("🔐 Подключить аккаунт");
    }

    @Test
    void anEmptyNeverRefreshedRoomInvitesToPublish() {
        CardData empty = new CardData(8, "Пусто", 0, 0, null, List.of(), 0, 1, null);

        Screen screen = CardView.render(empty, texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).contains("Просмотры обновлены: ещё не обновлялись").contains("Файлов пока нет");
        assertThat(buttons(screen)).doesNotContainKey("➡️").doesNotContainValue("noop");
    }

    static Map<String, String> buttons(Screen screen) {
        return screen.inlineKeyboard().getKeyboard().stream().flatMap(List::stream)
                .collect(Collectors.toMap(InlineKeyboardButton::getText, InlineKeyboardButton::getCallbackData,
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void aPageOfTheLongestNamesOfARoomWithThousandsOfFilesStaysWithinTelegramsLimitsWithThePager() {
        List<CardData.FileLine> files = java.util.stream.IntStream.range(0, CardData.FILES_PER_PAGE)
                .mapToObj(i -> new CardData.FileLine("смета <&> " + "ф".repeat(245) + i + ".pdf", Integer.MAX_VALUE,
                        Instant.parse("2026-11-24T10:00:00Z"))).toList();
        CardData big = new CardData(Long.MAX_VALUE / 10, "Объект <&> " + "я".repeat(117), 5_000, Long.MAX_VALUE, REFRESHED,
                files, 6, 100, CardNotice.floodWait(86_400));

        for (java.util.Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
            Screen screen = CardView.render(big, texts, locale, MOSCOW);
            WithinTelegramLimits.assertWithin(screen);
            assertThat(WithinTelegramLimits.labels(screen)).contains("⬅️", "7 / 100", "➡️");
            assertThat(screen.text()).contains("ф".repeat(100) + "…");
        }
    }
}
