package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.TestPostgres;

/** The one-statement room read of the join-request and member paths: what it finds, and what it leaves out. */
class NoticeRoomsTests {

    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        DataSource db = TestPostgres.newScratchDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .schemas("core", "analytics", "quartz").defaultSchema("core").load().migrate();
        jdbc = JdbcClient.create(db);
    }

    @Test
    void aRoomComesWithItsOwnerAndModeAndAnInactiveOneIsNoRoomOfOursByChat() {
        long owner = jdbc.sql("INSERT INTO core.contractors (tg_user_id, language_code) VALUES (880001, 'en') RETURNING id")
                .query(Long.class).single();
        long plain = room(owner, -1_000_880_000_001L, "Кухня");
        long daily = room(owner, -1_000_880_000_002L, "Баня");
        long gone = room(owner, -1_000_880_000_003L, "Сарай");
        jdbc.sql("INSERT INTO core.notification_settings (channel_id, mode) VALUES (:r, 'daily')").param("r", daily).update();
        jdbc.sql("UPDATE core.channels SET archived_at = now() WHERE id = :r").param("r", daily).update();
        jdbc.sql("UPDATE core.channels SET deleted = true WHERE id = :r").param("r", gone).update();
        NoticeRooms rooms = new NoticeRooms(jdbc);

        assertThat(rooms.activeByChat(-1_000_880_000_001L)).contains(
                new NoticeRoom(plain, owner, "Кухня", false, 880001L, "en", NotificationMode.INSTANT));
        assertThat(rooms.activeByChat(-1_000_880_000_002L)).contains(
                new NoticeRoom(daily, owner, "Баня", true, 880001L, "en", NotificationMode.DAILY));
        assertThat(rooms.activeByChat(-1_000_880_000_003L)).isEmpty();
        assertThat(rooms.activeByChat(-1_000_880_000_009L)).isEmpty();
        assertThat(rooms.byId(gone)).map(NoticeRoom::title).contains("Сарай");
        assertThat(rooms.activeByChat(-1_000_880_000_002L).orElseThrow().notifiesInstantly()).isFalse();
    }

    private static long room(long owner, long chat, String title) {
        return jdbc.sql("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (:o, :c, :t) RETURNING id")
                .param("o", owner).param("c", chat).param("t", title).query(Long.class).single();
    }
}
