package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.DigestData.Person;
import ru.smetabot.bot.notifications.DigestData.RoomDay;

class DigestViewTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DigestPeriod DAY = new DigestSchedule(new DigestProperties(null, null, null, MOSCOW, null, null, null))
            .period(DigestKind.DAILY, LocalDate.of(2026, 11, 24));
    private final Texts texts = new Texts();

    @Test
    void aDigestTooLongForOneMessageIsCutAtALineAndSaysHowManyMore() {
        List<Person> crowd = IntStream.range(0, 400)
                .mapToObj(i -> new Person("Клиент номер " + i, "client_" + i, 1_000 + i, "Большая ссылка для всех")).toList();
        DigestData.Daily digest = new DigestData.Daily(DAY, List.of(new RoomDay("Стадион", crowd, List.of(), 0, 5)));

        String text = DigestView.daily(digest, texts, Texts.RUSSIAN, MOSCOW).orElseThrow();

        assertThat(text.length()).isLessThanOrEqualTo(4096);
        assertThat(text).startsWith("📰 <b>Сводка за сутки</b> · 23.11 09:00 — 24.11 09:00\n\n📌 <b>Стадион</b>\n👤 Вступили (400):\n"
                + "• Клиент номер 0 (@client_0) — по ссылке «Большая ссылка для всех»\n");
        String[] lines = text.split("\n");
        int shownPeople = (int) java.util.Arrays.stream(lines).filter(l -> l.startsWith("• ")).count();
        assertThat(lines[lines.length - 1])
                .isEqualTo("…и ещё " + (400 - shownPeople + 1) + " — не поместилось в одно сообщение"); // + the views line
        assertThat(shownPeople).isBetween(40, 399);
    }

    @Test
    void aShortDigestIsNotCut() {
        DigestData.Daily digest = new DigestData.Daily(DAY, List.of(new RoomDay("Кухня", List.of(),
                List.of(new Person(null, null, 77, null)), 0, 0)));

        assertThat(DigestView.daily(digest, texts, Texts.RUSSIAN, MOSCOW).orElseThrow())
                .isEqualTo("📰 <b>Сводка за сутки</b> · 23.11 09:00 — 24.11 09:00\n\n📌 <b>Кухня</b>\n🚪 Вышли (1):\n• id 77");
    }

    @Test
    void dailyAndWeeklyDigestsOfAHugeWeekStayWithinTelegramsLimitsAndSayHowManyMore() {
        List<Person> crowd = IntStream.range(0, 300).mapToObj(i -> new Person("Клиент <&> " + "ю".repeat(100) + i,
                "c".repeat(32), 1_000 + i, "ссылка <&> " + "л".repeat(21))).toList();
        List<RoomDay> rooms = IntStream.range(0, 40).mapToObj(r -> new RoomDay("Объект <&> " + "я".repeat(117) + r,
                crowd.subList(0, 5), crowd.subList(5, 10), 999, 9_999_999)).toList();
        String daily = DigestView.daily(new DigestData.Daily(DAY, rooms), texts, Texts.RUSSIAN, MOSCOW).orElseThrow();

        List<DigestData.FileLine> files = IntStream.range(0, 2_000).mapToObj(i -> new DigestData.FileLine(
                "смета <&> " + "ф".repeat(200) + i + ".pdf", "Объект " + (i % 300), 2_000 - i)).toList();
        DigestPeriod week = new DigestSchedule(new DigestProperties(null, null, null, MOSCOW, null, null, null))
                .period(DigestKind.WEEKLY, LocalDate.of(2026, 11, 23));
        String weekly = DigestView.weekly(new DigestData.Weekly(week, 99_999_999, 1, files, files), 10, texts, Texts.ENGLISH, MOSCOW)
                .orElseThrow();

        ru.smetabot.bot.telegram.WithinTelegramLimits.assertText(daily, 4096);
        ru.smetabot.bot.telegram.WithinTelegramLimits.assertText(weekly, 4096);
        assertThat(daily).containsPattern("\n…и ещё \\d[\\d  ]* — не поместилось в одно сообщение$");
        assertThat(weekly).containsPattern("\n…and \\d[\\d,]* more — did not fit in one message$");
    }
}
