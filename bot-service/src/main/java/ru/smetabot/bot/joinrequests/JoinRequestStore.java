package ru.smetabot.bot.joinrequests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.model.clients.ClientStatus;

/** The row locks and counters a decision needs, in plain SQL (called inside the decision's transaction). */
@Repository
class JoinRequestStore {

    private final JdbcClient jdbc;

    JoinRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the link's row until the transaction ends: decisions on one link run one at a time. */
    Optional<LinkState> lockLink(String inviteLink) {
        return jdbc.sql("""
                SELECT id, channel_id, name, revoked_at, expires_at, approvals_limit, approved_count
                  FROM core.invites WHERE invite_link = :link FOR UPDATE""")
                .param("link", inviteLink)
                .query(JoinRequestStore::linkState)
                .optional();
    }

    Optional<ClientStatus> lockClient(long roomId, long tgUserId) {
        return jdbc.sql("SELECT status FROM core.clients WHERE channel_id = :room AND tg_user_id = :user FOR UPDATE")
                .param("room", roomId).param("user", tgUserId)
                .query((rs, n) -> ClientStatus.fromDb(rs.getString(1)))
                .optional();
    }

    void countApproved(long inviteId) {
        jdbc.sql("UPDATE core.invites SET approved_count = approved_count + 1 WHERE id = :id").param("id", inviteId).update();
    }

    void countDeclined(long inviteId) {
        jdbc.sql("UPDATE core.invites SET declined_count = declined_count + 1 WHERE id = :id").param("id", inviteId).update();
    }

    private static LinkState linkState(ResultSet rs, int row) throws SQLException {
        Object limit = rs.getObject("approvals_limit");
        return new LinkState(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("name"),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("expires_at")),
                limit == null ? null : ((Number) limit).intValue(), rs.getInt("approved_count"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
