package ru.smetabot.model.clients;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.smetabot.model.text.TelegramText;

/**
 * Records that a Telegram user joined (or asked to join) a room: the seed's {@code register_client},
 * done as one idempotent upsert on (channel_id, tg_user_id), so concurrent or redelivered
 * registrations of the same person never create a second row nor fail. Names go through
 * {@link TelegramText#clean}: a NUL in a Telegram name must not make the person unregistrable.
 */
@Service
public class ClientRegistry {

    /** Keeps the first invite and join time, refreshes the names; a banned client stays banned. */
    private static final String UPSERT = """
            INSERT INTO core.clients AS c (channel_id, invite_id, tg_user_id, username, full_name, status, joined_at)
            VALUES (:roomId, :inviteId, :tgUserId, :username, :fullName, :status, :joinedAt)
            ON CONFLICT (channel_id, tg_user_id) DO UPDATE SET
                invite_id  = COALESCE(c.invite_id, EXCLUDED.invite_id),
                joined_at  = COALESCE(c.joined_at, EXCLUDED.joined_at),
                username   = COALESCE(EXCLUDED.username, c.username),
                full_name  = COALESCE(EXCLUDED.full_name, c.full_name),
                status     = CASE WHEN c.status = 'banned' THEN c.status ELSE EXCLUDED.status END,
                left_at    = CASE WHEN c.status = 'banned' THEN c.left_at ELSE NULL END,
                updated_at = now()
            RETURNING id, (xmax = 0) AS inserted, status
            """;

    private final JdbcClient jdbc;

    public ClientRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Registration register(NewClient client) {
        return jdbc.sql(UPSERT)
                .param("roomId", client.roomId())
                .param("inviteId", client.inviteId())
                .param("tgUserId", client.tgUserId())
                .param("username", TelegramText.clean(client.username()))
                .param("fullName", TelegramText.clean(client.fullName()))
                .param("status", client.status().dbValue())
                .param("joinedAt", OffsetDateTime.ofInstant(client.joinedAt(), ZoneOffset.UTC))
                .query((rs, n) -> new Registration(rs.getLong("id"), rs.getBoolean("inserted"),
                        ClientStatus.fromDb(rs.getString("status"))))
                .single();
    }

    /** Marks a client as gone (left, kicked) or banned, keeping the first join time. */
    public boolean changeStatus(long roomId, long tgUserId, ClientStatus status, Instant when) {
        return jdbc.sql("""
                UPDATE core.clients
                   SET status = :status,
                       left_at = CASE WHEN :status IN ('left', 'banned') THEN :when ELSE NULL END,
                       updated_at = now()
                 WHERE channel_id = :roomId AND tg_user_id = :tgUserId
                """)
                .param("status", status.dbValue())
                .param("when", OffsetDateTime.ofInstant(when, ZoneOffset.UTC))
                .param("roomId", roomId)
                .param("tgUserId", tgUserId)
                .update() == 1;
    }

    /** Who joined, through which link (null when unknown), when, and in which state. */
    public record NewClient(long roomId, Long inviteId, long tgUserId, String username, String fullName,
            ClientStatus status, Instant joinedAt) {
    }

    /** The client's row id, whether this call created it, and its status after the call. */
    public record Registration(long clientId, boolean newlyRegistered, ClientStatus status) {
    }
}
