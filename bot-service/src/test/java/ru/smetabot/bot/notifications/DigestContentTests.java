package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.model.testing.TestPostgres;

/**
 * What the digests say, from rows as the bot writes them (events, clients, links, view snapshots) on a
 * migrated PostgreSQL: the exact lines of the daily and the weekly digest, and who is due one.
 */
class DigestContentTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DigestSchedule SCHEDULE = new DigestSchedule(
            new DigestProperties("09:00", "MONDAY", "09:00", MOSCOW, null, null, null));
    /** Daily digest of 24.11.2026: [23.11 09:00, 24.11 09:00) Moscow. */
    private static final DigestPeriod DAY = SCHEDULE.period(DigestKind.DAILY, LocalDate.of(2026, 11, 24));
    /** Weekly digest of Monday 23.11.2026: [16.11 09:00, 23.11 09:00), compared with [09.11, 16.11). */
    private static final DigestPeriod WEEK = SCHEDULE.period(DigestKind.WEEKLY, LocalDate.of(2026, 11, 23));
    private static final AtomicLong TG_IDS = new AtomicLong(9_100_000);

    private static JdbcClient jdbc;
    private static DigestQueries queries;
    private final Texts texts = new Texts();

    @BeforeAll
    static void migrate() {
        DataSource db = TestPostgres.newScratchDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").schemas("core", "analytics", "quartz")
                .defaultSchema("core").load().migrate();
        jdbc = JdbcClient.create(db);
        queries = new DigestQueries(jdbc);
    }

    @Test
    void theDailyDigestListsJoinsWithTheirLinksLeavesDeclinesAndViewsPerRoom() {
        long owner = contractor("ru");
        long kitchen = room(owner, "Иванов — кухня <2>", "daily");
        long bath = room(owner, "Петров — баня", "daily");
        room(owner, "Сидоров — гараж", "daily"); // nothing happened there: left out
        long instant = room(owner, "Орлов — дача", "instant");
        long family = invite(kitchen, "Семья Ивановых");
        long bathLink = invite(bath, "Баня");
        event("client_join", kitchen, client(kitchen, "Иван Петров", "ivan", 701), "{\"invite_id\": " + family + "}", "2026-11-23T10:00:00+03");
        event("client_join", kitchen, client(kitchen, "Мария", null, 702), "{\"invite_id\": 0}", "2026-11-23T12:00:00+03");
        event("client_leave", kitchen, client(kitchen, "Олег", "oleg", 703), "{\"by\": 703}", "2026-11-24T08:59:59+03");
        event("join_request_declined", kitchen, null, "{\"invite_id\": " + family + ", \"tg_user_id\": 704}", "2026-11-23T15:00:00+03");
        event("client_join", bath, client(bath, null, null, 705), "{\"invite_id\": " + bathLink + "}", "2026-11-23T09:00:00+03");
        event("client_join", kitchen, client(kitchen, "Вчерашний", null, 706), "{\"invite_id\": 0}", "2026-11-23T08:59:59+03");
        event("client_join", kitchen, client(kitchen, "Завтрашний", null, 707), "{\"invite_id\": 0}", "2026-11-24T09:00:00+03");
        event("client_join", instant, client(instant, "Мгновенный", null, 708), "{\"invite_id\": 0}", "2026-11-23T11:00:00+03");
        long smeta = publication(kitchen, "smeta.pdf", "2026-11-20T10:00:00+03");
        snapshot(smeta, "2026-11-22T10:00:00+03", 5);
        snapshot(smeta, "2026-11-23T18:00:00+03", 7);
        snapshot(smeta, "2026-11-24T07:00:00+03", 9);
        snapshot(smeta, "2026-11-24T10:00:00+03", 20); // after the period
        snapshot(publication(bath, "plan.dwg", "2026-11-23T20:00:00+03"), "2026-11-23T21:00:00+03", 3);
        snapshot(publication(instant, "dacha.pdf", "2026-11-20T10:00:00+03"), "2026-11-23T21:00:00+03", 30);

        String text = DigestView.daily(queries.daily(owner, DAY), texts, Texts.RUSSIAN, MOSCOW).orElseThrow();

        assertThat(text).isEqualTo("""
                📰 <b>Сводка за сутки</b> · 23.11 09:00 — 24.11 09:00

                📌 <b>Иванов — кухня &lt;2&gt;</b>
                👤 Вступили (2):
                • Иван Петров (@ivan) — по ссылке «Семья Ивановых»
                • Мария — не по ссылке бота
                🚪 Вышли (1):
                • Олег (@oleg)
                🚫 Отклонено заявок: 1
                👁 Новых просмотров: +4

                📌 <b>Петров — баня</b>
                👤 Вступили (1):
                • id 705 — по ссылке «Баня»
                👁 Новых просмотров: +3""");
        assertThat(DigestView.daily(queries.daily(owner, DAY), texts, Texts.ENGLISH, MOSCOW).orElseThrow())
                .contains("👤 Joined (2):\n• Иван Петров (@ivan) — via «Семья Ивановых»").contains("👁 New views: +3");
    }

    @Test
    void anOwnerWithNothingToReportGetsNoDailyDigest() {
        long owner = contractor("ru");
        long quiet = room(owner, "Тихий", "daily");
        event("client_join", quiet, client(quiet, "Давний", null, 801), "{\"invite_id\": 0}", "2026-11-20T10:00:00+03");

        assertThat(DigestView.daily(queries.daily(owner, DAY), texts, Texts.RUSSIAN, MOSCOW)).isEmpty();
    }

    @Test
    void theWeeklyDigestHasTheTopFilesTheWeekOverWeekChangeAndNewFiles() {
        long owner = contractor("ru");
        long alpha = room(owner, "Альфа", "instant");
        long beta = room(owner, "Бета", "daily");
        long off = room(owner, "Гамма", "off");
        long a = publication(alpha, "a.pdf", "2026-11-01T10:00:00+03");
        snapshot(a, "2026-11-10T10:00:00+03", 10);
        snapshot(a, "2026-11-18T10:00:00+03", 25);
        long b = publication(beta, "b.pdf", "2026-11-17T10:00:00+03");
        snapshot(b, "2026-11-18T10:00:00+03", 4);
        snapshot(b, "2026-11-20T10:00:00+03", 8);
        long c = publication(alpha, "c.pdf", "2026-11-01T10:00:00+03");
        snapshot(c, "2026-11-12T10:00:00+03", 2);
        snapshot(publication(off, "d.pdf", "2026-11-17T10:00:00+03"), "2026-11-18T10:00:00+03", 100);
        publication(alpha, "e.dwg", "2026-11-19T10:00:00+03");
        publication(alpha, "later.pdf", "2026-11-23T09:00:00+03");

        String text = DigestView.weekly(queries.weekly(owner, WEEK), 5, texts, Texts.RUSSIAN, MOSCOW).orElseThrow();

        assertThat(text).isEqualTo("""
                📊 <b>Итоги недели</b> · 16.11.2026 — 23.11.2026
                👁 Просмотров за неделю: +23 (неделей раньше: +12, ▲ на 11 больше)

                🏆 Больше всего просмотров:
                1. a.pdf — +15 · Альфа
                2. b.pdf — +8 · Бета

                📌 По каналам:
                • Альфа: +15
                • Бета: +8

                🆕 Новые файлы (2):
                • b.pdf · Бета
                • e.dwg · Альфа""");
        assertThat(DigestView.weekly(queries.weekly(owner, WEEK), 1, texts, Texts.RUSSIAN, MOSCOW).orElseThrow())
                .contains("1. a.pdf — +15 · Альфа").doesNotContain("2. b.pdf");
    }

    @Test
    void aQuieterWeekSaysByHowMuchAndAnEmptyOneSaysNothing() {
        long owner = contractor("en");
        long room = room(owner, "Dacha", "instant");
        long plan = publication(room, "plan.pdf", "2026-11-01T10:00:00+03");
        snapshot(plan, "2026-11-10T10:00:00+03", 9);
        snapshot(plan, "2026-11-17T10:00:00+03", 12);

        assertThat(DigestView.weekly(queries.weekly(owner, WEEK), 5, texts, Texts.ENGLISH, MOSCOW).orElseThrow())
                .startsWith("📊 <b>Week in views</b> · 16.11.2026 — 23.11.2026\n"
                        + "👁 Views this week: +3 (the week before: +9, ▼ 6 fewer)");
        DigestPeriod later = SCHEDULE.period(DigestKind.WEEKLY, LocalDate.of(2026, 12, 14));
        assertThat(DigestView.weekly(queries.weekly(owner, later), 5, texts, Texts.ENGLISH, MOSCOW)).isEmpty();
    }

    @Test
    void ownersDueAreThoseWithCoveredRoomsAndNoDeliveryDoneOrResting() {
        long daily = contractor("ru");
        room(daily, "Дневной", "daily");
        long instantOnly = contractor("ru");
        publication(room(instantOnly, "Мгновенный", "instant"), "x.pdf", "2026-11-20T10:00:00+03");
        long offOnly = contractor("ru");
        publication(room(offOnly, "Выключенный", "off"), "y.pdf", "2026-11-20T10:00:00+03");
        Instant now = DAY.dueAt().plusSeconds(60);
        DigestDeliveries deliveries = new DigestDeliveries(jdbc);

        assertThat(ids(queries.pendingOwners(DAY, now))).contains(daily).doesNotContain(instantOnly, offOnly);
        assertThat(ids(queries.pendingOwners(WEEK, now))).contains(instantOnly).doesNotContain(daily, offOnly);

        assertThat(deliveries.claim(daily, DAY, now)).contains(1);
        assertThat(deliveries.claim(daily, DAY, now)).as("claimed once").isEmpty();
        assertThat(ids(queries.pendingOwners(DAY, now))).doesNotContain(daily);
        deliveries.failed(daily, DAY, now, now.plusSeconds(300), "503");
        assertThat(ids(queries.pendingOwners(DAY, now.plusSeconds(299)))).doesNotContain(daily);
        assertThat(deliveries.claim(daily, DAY, now.plusSeconds(299))).as("resting").isEmpty();
        assertThat(ids(queries.pendingOwners(DAY, now.plusSeconds(300)))).contains(daily);
        assertThat(deliveries.claim(daily, DAY, now.plusSeconds(300))).contains(2);
        deliveries.sent(daily, DAY, 42, now.plusSeconds(301));
        assertThat(deliveries.claim(daily, DAY, now.plusSeconds(9_999))).as("sent: never again").isEmpty();
        assertThat(ids(queries.pendingOwners(DAY, now.plusSeconds(9_999)))).doesNotContain(daily);
    }

    @Test
    void ownersWhoChoseAZoneOrHourAreDueOnTheirOwnSchedule() {
        long chose = contractor("ru");
        room(chose, "Свой пояс", "daily");
        long never = contractor("ru");
        room(never, "Общий пояс", "daily");
        jdbc.sql("INSERT INTO core.owner_settings (contractor_id, time_zone, digest_hour) VALUES (:c, 'Asia/Vladivostok', 20)")
                .param("c", chose).update();
        Instant now = DAY.dueAt().plusSeconds(60);

        assertThat(queries.ownerSchedules()).contains(new DigestQueries.OwnerSchedule("Asia/Vladivostok", 20),
                new DigestQueries.OwnerSchedule(null, null));
        assertThat(ids(queries.pendingOwners(DAY, now))).contains(never).doesNotContain(chose);
        assertThat(ids(queries.pendingOwners(DAY, now, new DigestQueries.OwnerSchedule("Asia/Vladivostok", 20))))
                .contains(chose).doesNotContain(never);
    }

    @Test
    void aClaimWhoseSenderDiedIsMarkedUnknownAndNotResent() {
        long owner = contractor("ru");
        room(owner, "Упавший", "daily");
        Instant now = DAY.dueAt().plusSeconds(60);
        DigestDeliveries deliveries = new DigestDeliveries(jdbc);
        assertThat(deliveries.claim(owner, DAY, now)).isPresent();

        assertThat(deliveries.abandon(java.time.Duration.ofMinutes(10), now.plusSeconds(599))).isEmpty();
        assertThat(deliveries.abandon(java.time.Duration.ofMinutes(10), now.plusSeconds(601)))
                .contains(new DigestDeliveries.Abandoned(owner, DigestKind.DAILY, DAY.date()));
        assertThat(deliveries.claim(owner, DAY, now.plusSeconds(700))).isEmpty();
        assertThat(ids(queries.pendingOwners(DAY, now.plusSeconds(700)))).doesNotContain(owner);
    }

    private static java.util.List<Long> ids(java.util.List<DigestData.Owner> owners) {
        return owners.stream().map(DigestData.Owner::id).toList();
    }

    private static long contractor(String language) {
        return jdbc.sql("INSERT INTO core.contractors (tg_user_id, full_name, language_code) VALUES (:id, 'Owner', :lang) RETURNING id")
                .param("id", TG_IDS.incrementAndGet()).param("lang", language).query(Long.class).single();
    }

    private static long room(long owner, String title, String mode) {
        long room = jdbc.sql("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (:owner, :chat, :title) RETURNING id")
                .param("owner", owner).param("chat", -100_0000_000_000L - TG_IDS.incrementAndGet()).param("title", title)
                .query(Long.class).single();
        new NotificationSettings(jdbc).set(room, NotificationMode.fromDb(mode));
        return room;
    }

    private static long invite(long room, String name) {
        return jdbc.sql("INSERT INTO core.invites (channel_id, invite_link, name) VALUES (:room, :link, :name) RETURNING id")
                .param("room", room).param("link", "https://t.me/+" + TG_IDS.incrementAndGet()).param("name", name)
                .query(Long.class).single();
    }

    private static long client(long room, String name, String username, long tgUserId) {
        return jdbc.sql("""
                INSERT INTO core.clients (channel_id, tg_user_id, username, full_name) VALUES (:room, :user, :username, :name)
                RETURNING id""")
                .param("room", room).param("user", tgUserId).param("username", username).param("name", name)
                .query(Long.class).single();
    }

    private static void event(String type, long room, Long client, String details, String at) {
        jdbc.sql("""
                INSERT INTO analytics.events (event_type, channel_id, client_id, details, created_at)
                VALUES (:type, :room, :client, CAST(:details AS jsonb), :at)""")
                .param("type", type).param("room", room).param("client", client).param("details", details)
                .param("at", time(at)).update();
    }

    private static long publication(long room, String file, String postedAt) {
        return jdbc.sql("""
                INSERT INTO core.publications (channel_id, message_id, file_name, posted_at)
                VALUES (:room, :message, :file, :at) RETURNING id""")
                .param("room", room).param("message", TG_IDS.incrementAndGet()).param("file", file).param("at", time(postedAt))
                .query(Long.class).single();
    }

    private static void snapshot(long publication, String at, int views) {
        jdbc.sql("INSERT INTO analytics.view_snapshots (publication_id, captured_at, views) VALUES (:p, :at, :views)")
                .param("p", publication).param("at", time(at)).param("views", views).update();
        jdbc.sql("UPDATE core.publications SET views = GREATEST(views, :views) WHERE id = :p")
                .param("p", publication).param("views", views).update();
    }

    private static OffsetDateTime time(String text) {
        return OffsetDateTime.parse(text.replace("+03", "+03:00")).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
