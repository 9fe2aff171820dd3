package ru.smetabot.bot.joinrequests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.Verdict;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.text.TelegramText;

/**
 * The row locks, counters and decision rows ({@code core.join_decisions}) a join request needs, in plain SQL;
 * called inside the short transactions of {@link JoinRequestService} and {@link JoinDecisions}.
 */
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

    /**
     * The requester as the decision sees them, in one statement run after the link's lock is held (so with a snapshot
     * that sees what the link's previous holder committed): their client status, the row locked, and whether they
     * have an open decision in the room.
     */
    Requester lockRequester(long roomId, long tgUserId) {
        return jdbc.sql("""
                SELECT (SELECT status FROM core.clients WHERE channel_id = :room AND tg_user_id = :user FOR UPDATE) AS status,
                       EXISTS (SELECT 1 FROM core.join_decisions
                                WHERE channel_id = :room AND tg_user_id = :user AND state = 'decided') AS open""")
                .param("room", roomId).param("user", tgUserId)
                .query((rs, n) -> new Requester(rs.getString("status") == null ? null : ClientStatus.fromDb(rs.getString("status")),
                        rs.getBoolean("open")))
                .single();
    }

    /** The requester's client status (null: not a client) and whether an open decision of theirs waits. */
    record Requester(ClientStatus status, boolean hasOpenDecision) {
    }

    /** Gives back a slot an approval reserved when Telegram did not admit the person. */
    void releaseApproval(long inviteId) {
        jdbc.sql("UPDATE core.invites SET approved_count = greatest(approved_count - 1, 0) WHERE id = :id").param("id", inviteId).update();
    }

    /** The person's open decision in the room, if one is waiting to be completed. */
    Optional<Decision> openDecision(long roomId, long tgUserId) {
        return jdbc.sql(DECISION + " WHERE d.channel_id = :room AND d.tg_user_id = :user AND d.state = 'decided'")
                .param("room", roomId).param("user", tgUserId).query(JoinRequestStore::decision).optional();
    }

    /** Open decisions made before {@code cutoff}, oldest first: the reconciliation's work. */
    List<Decision> openDecisionsBefore(Instant cutoff, int limit) {
        return jdbc.sql(DECISION + " WHERE d.state = 'decided' AND d.decided_at < :cutoff ORDER BY d.decided_at LIMIT :limit")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(JoinRequestStore::decision).list();
    }

    /** A decision that reserves no slot (a decline), written. */
    Decision insertDecision(long roomId, LinkState link, JoinRequest request, Verdict verdict) {
        long id = jdbc.sql("""
                INSERT INTO core.join_decisions (channel_id, invite_id, tg_chat_id, tg_user_id, verdict, source, username,
                                                 full_name, requested_at)
                VALUES (:room, :invite, :chat, :user, :verdict, :source, :username, :fullName, :requestedAt)
                RETURNING id""")
                .paramSource(decisionParams(roomId, link, request, verdict))
                .query(Long.class).single();
        return written(id, roomId, link, request, verdict);
    }

    /**
     * An approval: its slot on the link is reserved and the decision written, in one statement. The slot is taken only
     * while the link is under its limit; under the link's lock the policy has just checked that, so an empty result
     * means the two disagree and the transaction is rolled back (thrown) rather than a limit passed.
     */
    Decision reserveAndInsertApproval(long roomId, LinkState link, JoinRequest request) {
        Optional<Long> id = jdbc.sql("""
                WITH reserved AS (
                    UPDATE core.invites SET approved_count = approved_count + 1
                     WHERE id = :invite AND (approvals_limit IS NULL OR approved_count < approvals_limit)
                    RETURNING id)
                INSERT INTO core.join_decisions (channel_id, invite_id, tg_chat_id, tg_user_id, verdict, source, username,
                                                 full_name, requested_at)
                SELECT :room, reserved.id, :chat, :user, :verdict, :source, CAST(:username AS text), CAST(:fullName AS text),
                       CAST(:requestedAt AS timestamptz)
                  FROM reserved
                RETURNING id""")
                .paramSource(decisionParams(roomId, link, request, Verdict.APPROVE))
                .query(Long.class).optional();
        return written(id.orElseThrow(() -> new IllegalStateException("link " + link.id() + " is at its approvals limit "
                + "although its locked row said " + link.approvedCount() + " of " + link.approvalsLimit())),
                roomId, link, request, Verdict.APPROVE);
    }

    private static MapSqlParameterSource decisionParams(long roomId, LinkState link, JoinRequest request, Verdict verdict) {
        return new MapSqlParameterSource()
                .addValue("room", roomId).addValue("invite", link.id()).addValue("chat", request.chatId())
                .addValue("user", request.userId()).addValue("verdict", verdict.name())
                .addValue("source", request.source().name()).addValue("username", TelegramText.clean(request.username()))
                .addValue("fullName", TelegramText.clean(request.fullName()))
                .addValue("requestedAt", request.requestedAt() == null ? null : Timestamp.from(request.requestedAt()));
    }

    private static Decision written(long id, long roomId, LinkState link, JoinRequest request, Verdict verdict) {
        return new Decision(id, roomId, link, request.chatId(), request.userId(), verdict, request.source(),
                TelegramText.clean(request.username()), TelegramText.clean(request.fullName()), request.requestedAt());
    }

    /**
     * Closes the decision if it is still open, locking its row until the transaction ends: false when another thread
     * or instance completed it. The first statement of the recording transaction, so the rest runs only for the one
     * caller that closed it (a rollback reopens it).
     */
    boolean claim(long decisionId, String state, String outcome) {
        return jdbc.sql("""
                UPDATE core.join_decisions SET state = :state, outcome = :outcome, finished_at = now()
                 WHERE id = :id AND state = 'decided'""")
                .param("state", state).param("outcome", outcome).param("id", decisionId).update() == 1;
    }

    /** {@link #claim} of a carried-out decline with its count on the link, in one statement. */
    boolean claimDecline(long decisionId) {
        return jdbc.sql("""
                WITH claimed AS (
                    UPDATE core.join_decisions SET state = 'applied', outcome = 'declined', finished_at = now()
                     WHERE id = :id AND state = 'decided'
                    RETURNING invite_id)
                UPDATE core.invites i SET declined_count = i.declined_count + 1 FROM claimed WHERE i.id = claimed.invite_id""")
                .param("id", decisionId).update() == 1;
    }

    void countAttempt(long decisionId) {
        jdbc.sql("UPDATE core.join_decisions SET attempts = attempts + 1 WHERE id = :id").param("id", decisionId).update();
    }

    private static final String DECISION = """
            SELECT d.id, d.channel_id, d.tg_chat_id, d.tg_user_id, d.verdict, d.source, d.username, d.full_name,
                   d.requested_at, i.id AS invite_id, i.name, i.revoked_at, i.expires_at, i.approvals_limit, i.approved_count
              FROM core.join_decisions d JOIN core.invites i ON i.id = d.invite_id""";

    private static Decision decision(ResultSet rs, int row) throws SQLException {
        Object limit = rs.getObject("approvals_limit");
        LinkState link = new LinkState(rs.getLong("invite_id"), rs.getLong("channel_id"), rs.getString("name"),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("expires_at")),
                limit == null ? null : ((Number) limit).intValue(), rs.getInt("approved_count"));
        return new Decision(rs.getLong("id"), rs.getLong("channel_id"), link, rs.getLong("tg_chat_id"),
                rs.getLong("tg_user_id"), Verdict.valueOf(rs.getString("verdict")),
                JoinRequest.Source.valueOf(rs.getString("source")), rs.getString("username"), rs.getString("full_name"),
                instant(rs.getTimestamp("requested_at")));
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
