package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.model.testing.TestPostgres;

/**
 * In "📰 Раз в день" the instant notices are collected into the daily digest: removals (client_banned events)
 * and acknowledgements pressed in the period, read from rows as the bot writes them on a migrated PostgreSQL.
 */
class DigestAcknowledgementsTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DigestPeriod DAY = new DigestSchedule(new DigestProperties("09:00", "MONDAY", "09:00", MOSCOW,
            null, null, null)).period(DigestKind.DAILY, LocalDate.of(2026, 11, 24));

    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        DataSource db = TestPostgres.newScratchDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").schemas("core", "analytics", "quartz")
                .defaultSchema("core").load().migrate();
        jdbc = JdbcClient.create(db);
    }

    @Test
    void theDailyDigestListsRemovalsAndAcknowledgementsOfThePeriod() {
        long owner = insert("INSERT INTO core.contractors (tg_user_id, full_name, language_code) VALUES (9200001, 'O', 'ru') RETURNING id");
        long room = insert("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (" + owner
                + ", -1009200001, 'Иванов — кухня') RETURNING id");
        new NotificationSettings(jdbc).set(room, NotificationMode.DAILY);
        long anna = client(room, "Анна", "anna", 9200011);
        long oleg = client(room, "Олег", null, 9200012);
        long smeta = insert("INSERT INTO core.publications (channel_id, message_id, file_name) VALUES (" + room
                + ", 5, 'smeta.pdf') RETURNING id");
        jdbc.sql("INSERT INTO core.acknowledgement_files (publication_id) VALUES (:p)").param("p", smeta).update();
        acknowledge(smeta, anna, "2026-11-23T12:00:00+03:00");
        acknowledge(smeta, oleg, "2026-11-24T09:30:00+03:00"); // after the period: tomorrow's digest
        jdbc.sql("""
                INSERT INTO analytics.events (event_type, channel_id, client_id, details, created_at)
                VALUES ('client_banned', :room, :client, '{}'::jsonb, :at)""")
                .param("room", room).param("client", oleg).param("at", time("2026-11-23T15:00:00+03:00")).update();

        String text = DigestView.daily(new DigestQueries(jdbc).daily(owner, DAY), new Texts(), Texts.RUSSIAN, MOSCOW).orElseThrow();

        assertThat(text).isEqualTo("""
                📰 <b>Сводка за сутки</b> · 23.11 09:00 — 24.11 09:00

                📌 <b>Иванов — кухня</b>
                ⛔ Удалены администратором (1):
                • Олег
                ✅ Ознакомились с файлами (1):
                • Анна (@anna) — «smeta.pdf»""");
    }

    private static long client(long room, String name, String username, long tgUserId) {
        return jdbc.sql("""
                INSERT INTO core.clients (channel_id, tg_user_id, username, full_name) VALUES (:room, :user, :username, :name)
                RETURNING id""").param("room", room).param("user", tgUserId).param("username", username).param("name", name)
                .query(Long.class).single();
    }

    private static void acknowledge(long publication, long client, String at) {
        jdbc.sql("INSERT INTO core.acknowledgements (publication_id, client_id, acknowledged_at) VALUES (:p, :c, :at)")
                .param("p", publication).param("c", client).param("at", time(at)).update();
    }

    private static long insert(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static OffsetDateTime time(String text) {
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
