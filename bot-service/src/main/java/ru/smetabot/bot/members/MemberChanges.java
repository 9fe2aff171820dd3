package ru.smetabot.bot.members;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.model.clients.ClientStatus;

/**
 * What a chat_member update needs to know, in one plain statement: the person's client row in the room and the room's
 * link they used. Every approved join request brings one such update, so this replaces the JPA repositories (the
 * client, the link, and the link again for the owner's notice, each an entity with Hibernate's work around it).
 */
@Repository
class MemberChanges {

    private final JdbcClient jdbc;

    MemberChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code clientId}/{@code status}: the person's client row (null: never a client), read without a lock;
     * {@code inviteId}/{@code linkName}: the room's link with the update's URL (null: none, or not this room's).
     */
    record Seen(Long clientId, ClientStatus status, Long inviteId, String linkName) {
    }

    Seen read(long roomId, long tgUserId, String inviteLink) {
        return jdbc.sql("""
                SELECT c.id AS client_id, c.status, i.id AS invite_id, i.name
                  FROM (SELECT 1) one
                  LEFT JOIN core.clients c ON c.channel_id = :room AND c.tg_user_id = :user
                  LEFT JOIN core.invites i ON i.invite_link = :link AND i.channel_id = :room""")
                .param("room", roomId).param("user", tgUserId).param("link", inviteLink)
                .query((rs, n) -> new Seen(rs.getObject("client_id", Long.class),
                        rs.getString("status") == null ? null : ClientStatus.fromDb(rs.getString("status")),
                        rs.getObject("invite_id", Long.class), rs.getString("name")))
                .single();
    }
}
