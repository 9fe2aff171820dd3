package ru.smetabot.bot.channels;

import ru.smetabot.bot.telegram.WithinTelegramLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class RoomListViewTests {

    private final Texts texts = new Texts();
    private final RoomListPage page = new RoomListPage(new RoomListPage.Overview(8, 12, 40, 3),
            List.of(new RoomListPage.RoomLine(31, "Кухня", 2, 9), new RoomListPage.RoomLine(30, "Баня", 0, 0)), 1, 2);

    @Test
    void showsTotalsAndOneButtonPerRoom() {
        Screen screen = RoomListView.render(page, texts, Texts.RUSSIAN);

        assertThat(screen.text()).contains("Каналов: 8").contains("Файлов: 12").contains("Просмотров: 40").contains("Клиентов: 3");
        assertThat(CardViewTests.buttons(screen)).containsExactly(
                java.util.Map.entry("📂 Кухня · 📄 2 · 👁 9", "ch:31:card:0"),
                java.util.Map.entry("📂 Баня · 📄 0 · 👁 0", "ch:30:card:0"),
                java.util.Map.entry("⬅️", "rl:0"), java.util.Map.entry("2 / 2", "noop"),
                java.util.Map.entry("🔍 Поиск по названию", "rl:search"));
    }

    @Test
    void archivedRoomsAreReachedByOneButtonUnderTheListEvenWithoutActiveRooms() {
        Screen screen = RoomListView.render(page, 3, texts, Texts.RUSSIAN);

        assertThat(CardViewTests.buttons(screen)).containsExactly(
                java.util.Map.entry("📂 Кухня · 📄 2 · 👁 9", "ch:31:card:0"),
                java.util.Map.entry("📂 Баня · 📄 0 · 👁 0", "ch:30:card:0"),
                java.util.Map.entry("⬅️", "rl:0"), java.util.Map.entry("2 / 2", "noop"),
                java.util.Map.entry("🔍 Поиск по названию", "rl:search"), java.util.Map.entry("🗄 Архив (3)", "arl:0"));
        WithinTelegramLimits.assertWithin(screen);

        Screen onlyArchived = RoomListView.render(new RoomListPage(new RoomListPage.Overview(0, 0, 0, 0), List.of(), 0, 1), 1,
                texts, Texts.ENGLISH);
        assertThat(onlyArchived.text()).contains("You have no channels yet");
        assertThat(CardViewTests.buttons(onlyArchived)).containsExactly(java.util.Map.entry("🗄 Archive (1)", "arl:0"));
    }

    @Test
    void searchResultsOpenCardsAndLeadBackToTheList() {
        Screen found = RoomListView.renderSearch("кух", page.rooms().subList(0, 1), 12, texts, Texts.RUSSIAN);
        Screen none = RoomListView.renderSearch("<x>", List.of(), 12, texts, Texts.ENGLISH);

        assertThat(found.text()).isEqualTo("🔍 «кух»: найдено 1.");
        assertThat(CardViewTests.buttons(found)).containsExactly(java.util.Map.entry("📂 Кухня · 📄 2 · 👁 9", "ch:31:card:0"),
                java.util.Map.entry("📋 Все каналы", "rl:0"));
        assertThat(none.text()).isEqualTo("🔍 «&lt;x&gt;»: nothing found.");
        assertThat(CardViewTests.buttons(none)).containsOnlyKeys("📋 All channels");
    }

    @Test
    void inEnglishAndWithoutRooms() {
        RoomListPage none = new RoomListPage(new RoomListPage.Overview(0, 0, 0, 0), List.of(), 0, 1);

        Screen screen = RoomListView.render(none, texts, Texts.ENGLISH);

        assertThat(screen.text()).contains("Channels: 0").contains("You have no channels yet");
        assertThat(screen.keyboard()).isNull();
    }

    @Test
    void aFullPageOfLongTitlesAmongHundredsOfRoomsStaysWithinTelegramsLimitsWithThePager() {
        List<RoomListPage.RoomLine> rooms = java.util.stream.LongStream.range(0, RoomListPage.ROOMS_PER_PAGE)
                .mapToObj(i -> new RoomListPage.RoomLine(Long.MAX_VALUE / 10 - i, "Объект <&> " + "я".repeat(117), 99_999, 9_999_999_999L))
                .toList();
        RoomListPage many = new RoomListPage(new RoomListPage.Overview(600, 99_999, 9_999_999_999L, 999_999), rooms, 41, 100);

        for (java.util.Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
            Screen screen = RoomListView.render(many, texts, locale);
            WithinTelegramLimits.assertWithin(screen);
            assertThat(WithinTelegramLimits.labels(screen)).contains("⬅️", "42 / 100", "➡️");
        }
        Screen search = RoomListView.renderSearch("я".repeat(64), java.util.Collections.nCopies(12, rooms.get(0)), 12, texts, Texts.RUSSIAN);
        WithinTelegramLimits.assertWithin(search);
        assertThat(search.text()).contains("Показаны первые 12");
    }
}
