package ru.smetabot.views;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates rooms with posts straight in the database, each with its own Telegram ids. */
public final class RoomFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;

    public RoomFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A room read by {@code account} (null: no connected account) with no posts yet. */
    public Room room(Long account) {
        long n = SEQUENCE.incrementAndGet();
        long contractor = jdbc.sql("INSERT INTO core.contractors (tg_user_id) VALUES (:u) RETURNING id")
                .param("u", 10_000_000_000L + n).query(Long.class).single();
        long chatId = -1_000_000_000_000L - n;
        long id = jdbc.sql("""
                INSERT INTO core.channels (contractor_id, tg_chat_id, title, userbot_account_id)
                VALUES (:c, :chat, :title, :account) RETURNING id
                """).param("c", contractor).param("chat", chatId).param("title", "Room " + n).param("account", account)
                .query(Long.class).single();
        return new Room(id, chatId, account);
    }

    /** Posts with message ids 1..count and the given stored views, each with its own id. */
    public void posts(Room room, int count, int storedViews) {
        jdbc.sql("""
                INSERT INTO core.publications (channel_id, message_id, file_name, posted_at, views)
                SELECT :room, m, 'file-' || m || '.pdf', :at, :views FROM generate_series(1, :count) AS m
                """).param("room", room.id()).param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param("views", storedViews).param("count", count).update();
    }

    public int views(Room room, long messageId) {
        return jdbc.sql("SELECT views FROM core.publications WHERE channel_id = :r AND message_id = :m")
                .param("r", room.id()).param("m", messageId).query(Integer.class).single();
    }

    public record Room(long id, long chatId, Long account) {
    }
}
