package ru.smetabot.bot.members;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.model.clients.ClientStatus;

/**
 * The two reads a chat_member update needs, in plain SQL: what we know of the person in the room and which of the
 * room's links they used. Every approved join request brings one such update, so these replace the JPA repositories
 * (an entity each, and Hibernate's work around it) on that path.
 */
@Repository
class MemberChanges {

    private final JdbcClient jdbc;

    MemberChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A client row: its id and status. */
    record Known(long id, ClientStatus status) {
    }

    /** The person's client row in the room, read without a lock; empty when they never were a client. */
    Optional<Known> client(long roomId, long tgUserId) {
        return jdbc.sql("SELECT id, status FROM core.clients WHERE channel_id = :room AND tg_user_id = :user")
                .param("room", roomId).param("user", tgUserId)
                .query((rs, n) -> new Known(rs.getLong("id"), ClientStatus.fromDb(rs.getString("status"))))
                .optional();
    }

    /** The id of the room's link with this URL; null when the link is not one of this room's. */
    Long roomLink(long roomId, String inviteLink) {
        return jdbc.sql("SELECT id FROM core.invites WHERE invite_link = :link AND channel_id = :room")
                .param("link", inviteLink).param("room", roomId)
                .query(Long.class).optional().orElse(null);
    }
}
