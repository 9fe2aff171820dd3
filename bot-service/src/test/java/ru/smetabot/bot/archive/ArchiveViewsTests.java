package ru.smetabot.bot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.WithinTelegramLimits;

/** The archive's screens, whole, and within Telegram's limits for the longest titles. */
class ArchiveViewsTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant ARCHIVED = Instant.parse("2026-11-30T22:30:00Z"); // 01.12 in Moscow
    private final Texts texts = new Texts();

    @Test
    void theConfirmationSaysWhatHappensAndOffersToKeepOrRemoveTheClients() {
        Screen screen = ArchiveViews.confirm(new ArchiveViews.Confirm(7, "Иванов <кухня>", 2, 3), texts, Texts.RUSSIAN);

        assertThat(screen.text()).isEqualTo("""
                🗄 <b>Закрыть проект «Иванов &lt;кухня&gt;»?</b>
                Канал уйдёт из «📢 Мои каналы» в «🗄 Архив». Файлы, участники и история останутся, экспорт будет работать, \
                канал можно вернуть.
                • Ссылок-приглашений отзову: 2; новые заявки буду отклонять.
                • Клиентов в канале: 3. Оставить их или удалить из канала? Удалённые смогут вернуться по новой ссылке.""");
        assertThat(buttons(screen)).containsExactly(Map.entry("🗄 В архив, клиентов оставить", "ar:7:keep"),
                Map.entry("🗄 В архив и удалить клиентов", "ar:7:remove"), Map.entry("⬅️ Отмена", "ch:7:card:0"));
        WithinTelegramLimits.assertWithin(screen);
    }

    @Test
    void withoutClientsThereIsNothingToRemove() {
        Screen screen = ArchiveViews.confirm(new ArchiveViews.Confirm(7, "Пусто", 0, 0), texts, Texts.ENGLISH);

        assertThat(buttons(screen)).containsExactly(Map.entry("🗄 Archive, keep clients", "ar:7:keep"),
                Map.entry("⬅️ Cancel", "ch:7:card:0"));
    }

    @Test
    void theResultCountsWhatWasDoneAndGivesTheHintForARefusal() {
        Screen done = ArchiveViews.archived("Иванов", new RoomArchive.Result(2, 0, 3, 0, null), "", texts, Texts.RUSSIAN);
        assertThat(done.text()).isEqualTo("""
                🗄 Канал «Иванов» в архиве. Ссылок отозвано: 2.
                👋 Клиентов удалено из канала: 3.""");
        assertThat(buttons(done)).containsExactly(Map.entry("🗄 Открыть архив", "arl:0"), Map.entry("📢 Мои каналы", "rl:0"));

        BotApiException refused = new BotApiException("revokeChatInviteLink", 400, "Bad Request: not enough rights", null);
        Screen partial = ArchiveViews.archived("Иванов", new RoomArchive.Result(1, 1, 0, 0, refused),
                "Дайте боту право <Добавление участников>", texts, Texts.RUSSIAN);
        assertThat(partial.text()).isEqualTo("""
                🗄 Канал «Иванов» в архиве. Ссылок отозвано: 1.
                ⚠️ Telegram отказал: ссылок не отозвано — 1, клиентов не удалено — 0. Дайте боту право &lt;Добавление участников&gt;""");
        WithinTelegramLimits.assertWithin(partial);
    }

    @Test
    void theArchiveListsRoomsWithTheirDateAndPages() {
        ArchiveViews.ListPage page = new ArchiveViews.ListPage(List.of(
                new ArchiveViews.RoomLine(5, "Иванов — кухня", ARCHIVED),
                new ArchiveViews.RoomLine(6, "П".repeat(128), ARCHIVED)), 0, 2);

        Screen screen = ArchiveViews.list(page, texts, Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).isEqualTo("🗄 <b>Архив</b>\nЗакрытые проекты: история и экспорт сохранены. Выберите канал:");
        assertThat(buttons(screen)).containsExactly(Map.entry("🗄 Иванов — кухня · 01.12.2026", "ar:5:card"),
                Map.entry("🗄 " + "П".repeat(39) + "… · 01.12.2026", "ar:6:card"), Map.entry("1 / 2", "noop"),
                Map.entry("➡️", "arl:1"), Map.entry("📢 Мои каналы", "rl:0"));
        WithinTelegramLimits.assertWithin(screen);
        assertThat(ArchiveViews.list(new ArchiveViews.ListPage(List.of(), 0, 1), texts, Texts.ENGLISH, MOSCOW).text())
                .isEqualTo("🗄 The archive is empty.");
    }

    @Test
    void anArchivedCardOffersExportTheChartReopenAndRename() {
        Screen screen = ArchiveViews.card(new ArchiveViews.Card(5, "Иванов & сыновья", ARCHIVED, 3, 14, 2), texts,
                Texts.RUSSIAN, MOSCOW);

        assertThat(screen.text()).isEqualTo("""
                🗄 <b>Иванов &amp; сыновья</b> — в архиве с 01.12.2026
                📊 Файлов: 3 · Просмотров: 14
                👥 Клиентов в канале: 2""");
        assertThat(buttons(screen)).containsExactly(Map.entry("📥 Экспорт", "ch:5:export"),
                Map.entry("👥 Участники по дням", "mc:5"), Map.entry("♻️ Вернуть из архива", "ar:5:reopen"),
                Map.entry("✏️ Переименовать", "ar:5:rename"), Map.entry("⬅️ К архиву", "arl:0"));
        WithinTelegramLimits.assertWithin(ArchiveViews.card(new ArchiveViews.Card(5, "<".repeat(128), ARCHIVED,
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE), texts, Texts.ENGLISH, MOSCOW));
    }

    @Test
    void everyArchiveBundleKeyExistsInBothLanguages() {
        for (String key : List.of("archive.confirm", "archive.done", "archive.partial", "archive.list", "archive.card",
                "archive.reopened", "archive.working", "rename.prompt", "rename.invalid", "rename.same", "rename.failed",
                "rename.done", "error.right.change_info")) {
            assertThat(texts.get(Texts.RUSSIAN, key, "a", 1, 2, "b")).as(key).isNotBlank();
            assertThat(texts.get(Texts.ENGLISH, key, "a", 1, 2, "b")).as(key).isNotEqualTo(texts.get(Texts.RUSSIAN, key, "a", 1, 2, "b"));
        }
    }

    private static Map<String, String> buttons(Screen screen) {
        return screen.inlineKeyboard().getKeyboard().stream().flatMap(List::stream)
                .collect(Collectors.toMap(InlineKeyboardButton::getText, InlineKeyboardButton::getCallbackData,
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
