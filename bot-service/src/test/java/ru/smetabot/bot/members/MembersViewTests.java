package ru.smetabot.bot.members;

import ru.smetabot.bot.telegram.WithinTelegramLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackCodec;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.members.MembersData.Admin;
import ru.smetabot.bot.members.MembersData.ClientLine;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.clients.ClientStatus;

class MembersViewTests {

    final Texts texts = new Texts();
    final ZoneId moscow = ZoneId.of("Europe/Moscow");
    final List<Admin> admins = List.of(new Admin(1, "Пётр Петров", "petr", true, false),
            new Admin(2, "Помощник", null, false, false), new Admin(3, "smeta", "smeta_bot", false, true));

    static ClientLine client(long id, String name, String link, ClientStatus status) {
        return new ClientLine(id, name, "u" + id, 1000 + id, link, Instant.parse("2026-03-01T22:30:00Z"), status);
    }

    @Test
    void adminsComeFirstThenClientsWithLinkJoinDateAndStatusAndBothCounts() {
        MembersData data = new MembersData(5, "Баня <Петров>", admins, 42, 1, 3, List.of(
                client(1, "Анна", "Семья", ClientStatus.ACTIVE), client(2, "Борис", null, ClientStatus.LEFT),
                client(3, "Вера", "Семья", ClientStatus.BANNED)), 0, 1, null);

        String text = MembersView.render(data, texts, Texts.RUSSIAN, moscow).text();

        assertThat(text).contains("Участники канала «Баня &lt;Петров&gt;»")
                .contains("Подписчиков в Telegram: 42 · Клиентов по ссылкам: 1 активных из 3");
        assertThat(text.indexOf("👑 Пётр Петров (@petr) — владелец")).isPositive()
                .isLessThan(text.indexOf("• Помощник")).isLessThan(text.indexOf("🤖 smeta (@smeta_bot)"))
                .isLessThan(text.indexOf("Клиенты"));
        assertThat(text.indexOf("🤖 smeta (@smeta_bot)")).isLessThan(text.indexOf("Клиенты"));
        assertThat(text).as("join date in the owner's time zone")
                .contains("• Анна (@u1) — «Семья», 02.03.2026 — ✅ в канале")
                .contains("• Борис (@u2) — без ссылки, 02.03.2026 — 🚪 вышел(а)")
                .contains("• Вера (@u3) — «Семья», 02.03.2026 — 🚫 заблокирован(а)");
    }

    @Test
    void blockedClientsOfferUnblockOthersBlockAndUnknownCountsShowAQuestionMark() {
        MembersData data = new MembersData(5, "Баня", null, null, 1, 2, List.of(
                client(1, "Анна", "Семья", ClientStatus.ACTIVE), client(3, "Вера", "Семья", ClientStatus.BANNED)), 0, 1, "Готово");

        Screen screen = MembersView.render(data, texts, Texts.RUSSIAN, moscow);

        assertThat(screen.text()).startsWith("Готово").contains("Подписчиков в Telegram: ?").contains("не удалось получить список");
        assertThat(callbacks(screen)).contains(new Callback.ClientBlock(5, 1, true, false), new Callback.ClientBlock(5, 3, false, false));
        assertThat(labels(screen)).contains("🚫 Заблокировать: Анна", "♻️ Разблокировать: Вера");
    }

    @Test
    void pagesHaveArrowsOnlyWhereThereIsMore() {
        List<ClientLine> one = List.of(client(1, "Анна", "Семья", ClientStatus.ACTIVE));
        Screen first = MembersView.render(new MembersData(5, "Баня", admins, 20, 20, 20, one, 0, 3, null), texts, Texts.RUSSIAN, moscow);
        Screen middle = MembersView.render(new MembersData(5, "Баня", admins, 20, 20, 20, one, 1, 3, null), texts, Texts.RUSSIAN, moscow);
        Screen last = MembersView.render(new MembersData(5, "Баня", admins, 20, 20, 20, one, 2, 3, null), texts, Texts.RUSSIAN, moscow);
        Screen only = MembersView.render(new MembersData(5, "Баня", admins, 20, 1, 1, one, 0, 1, null), texts, Texts.RUSSIAN, moscow);

        assertThat(first.text()).contains("стр. 1 из 3");
        assertThat(pages(first)).containsExactly(new Callback.MembersPage(5, 1));
        assertThat(pages(middle)).containsExactly(new Callback.MembersPage(5, 0), new Callback.MembersPage(5, 2));
        assertThat(pages(last)).containsExactly(new Callback.MembersPage(5, 1));
        assertThat(pages(only)).isEmpty();
    }

    @Test
    void confirmationNamesTheClientAndCancelGoesBackToTheList() {
        Screen screen = MembersView.confirm(5, client(3, "Вера", "Семья", ClientStatus.ACTIVE), true, texts, Texts.RUSSIAN);

        assertThat(screen.text()).contains("Заблокировать Вера (@u3)?");
        assertThat(callbacks(screen)).containsExactly(new Callback.ClientBlock(5, 3, true, true), new Callback.MembersPage(5, 0));
    }

    private static List<Callback> pages(Screen screen) {
        return callbacks(screen).stream().filter(c -> c instanceof Callback.MembersPage).toList();
    }

    private static List<Callback> callbacks(Screen screen) {
        return buttons(screen).stream().map(InlineKeyboardButton::getCallbackData).filter(Objects::nonNull)
                .map(data -> CallbackCodec.decode(data).orElseThrow()).toList();
    }

    private static List<String> labels(Screen screen) {
        return buttons(screen).stream().map(InlineKeyboardButton::getText).toList();
    }

    private static List<InlineKeyboardButton> buttons(Screen screen) {
        return screen.inlineKeyboard().getKeyboard().stream().flatMap(List::stream).toList();
    }

    @Test
    void fiftyAdminsAndAFullPageOfLongNamesStayWithinTelegramsLimitsWithAndMoreAndThePager() {
        String longest = "Константин-Александр <&> " + "ю".repeat(120);
        List<Admin> many = java.util.stream.LongStream.range(0, 50)
                .mapToObj(i -> new Admin(1_000_000_000L + i, longest + i, "a".repeat(32), i == 0, i == 1)).toList();
        List<ClientLine> page = java.util.stream.LongStream.range(0, MembersService.PAGE_SIZE)
                .mapToObj(i -> new ClientLine(987_654_321_098_765_000L + i, longest, "c".repeat(32), 9_999_999_999L,
                        "ссылка <&> " + "л".repeat(21), Instant.parse("2026-03-01T22:30:00Z"), ClientStatus.BANNED)).toList();
        MembersData data = new MembersData(Long.MAX_VALUE / 10, "Объект <&> " + "я".repeat(117), many, 200_000, 99_999,
                100_000, page, 6, 12,
                "🚫 " + ru.smetabot.bot.i18n.Html.escape(longest) + " заблокирован(а).");

        for (java.util.Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
            Screen screen = MembersView.render(data, texts, locale, moscow);
            WithinTelegramLimits.assertWithin(screen);
            assertThat(WithinTelegramLimits.labels(screen)).contains("⬅️", "7 / 12", "➡️");
        }
        String text = MembersView.render(data, texts, Texts.RUSSIAN, moscow).text();
        assertThat(text).contains("• …и ещё 40").contains("ю".repeat(30) + "…");
        assertThat(text.split("\n")).filteredOn(l -> l.startsWith("• ") && l.contains("(@aaaa")).hasSize(MembersView.MAX_ADMINS);
    }
}
