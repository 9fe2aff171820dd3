package ru.smetabot.bot.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.testing.TestPostgres;

/** A migrated scratch database on the embedded PostgreSQL (one per test JVM) and rows for the reports' SQL. */
final class ReportsDatabase {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static JdbcClient jdbc;

    private ReportsDatabase() {
    }

    static synchronized JdbcClient jdbc() {
        if (jdbc == null) {
            DataSource db = TestPostgres.newScratchDatabase();
            Flyway.configure().dataSource(db).locations("classpath:db/migration")
                    .schemas("core", "analytics", "quartz").defaultSchema("core").load().migrate();
            jdbc = JdbcClient.create(db);
        }
        return jdbc;
    }

    /** A room of its own contractor; the entity carries the id, chat id and title the reports read. */
    static Room room(String title) {
        long n = SEQUENCE.incrementAndGet();
        long contractor = jdbc().sql("INSERT INTO core.contractors (tg_user_id) VALUES (:u) RETURNING id")
                .param("u", 90_000_000_000L + n + ProcessHandle.current().pid() * 1000).query(Long.class).single();
        long chatId = -1_000_000_000_000L - 5_000_000L - n;
        long id = jdbc().sql("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (:c, :chat, :t) RETURNING id")
                .param("c", contractor).param("chat", chatId).param("t", title).query(Long.class).single();
        Room room = new Room(contractor, chatId, title, null);
        ReflectionTestUtils.setField(room, "id", id);
        return room;
    }

    static long file(Room room, long messageId, String name, Instant postedAt, int views, boolean deleted) {
        return jdbc().sql("""
                INSERT INTO core.publications (channel_id, message_id, file_name, posted_at, views, views_refreshed_at, deleted)
                VALUES (:room, :message, :name, :posted, :views, :refreshed, :deleted) RETURNING id
                """).param("room", room.getId()).param("message", messageId).param("name", name)
                .param("posted", at(postedAt)).param("views", views).param("refreshed", views > 0 ? at(postedAt) : null)
                .param("deleted", deleted).query(Long.class).single();
    }

    static void snapshot(long fileId, Instant capturedAt, int views) {
        jdbc().sql("INSERT INTO analytics.view_snapshots (publication_id, captured_at, views) VALUES (:f, :at, :v)")
                .param("f", fileId).param("at", at(capturedAt)).param("v", views).update();
    }

    static void refreshed(Room room, Instant at) {
        jdbc().sql("UPDATE core.publications SET views_refreshed_at = :at WHERE channel_id = :room AND NOT deleted")
                .param("at", at(at)).param("room", room.getId()).update();
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
