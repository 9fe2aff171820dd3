package ru.smetabot.bot.joinrequests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    void countApproved(long inviteId) {
        jdbc.sql("UPDATE core.invites SET approved_count = approved_count + 1 WHERE id = :id").param("id", inviteId).update();
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

    Decision insertDecision(long roomId, LinkState link, JoinRequest request, Verdict verdict) {
        long id = jdbc.sql("""
                INSERT INTO core.join_decisions (channel_id, invite_id, tg_chat_id, tg_user_id, verdict, source, username,
                                                 full_name, requested_at)
                VALUES (:room, :invite, :chat, :user, :verdict, :source, :username, :fullName, :requestedAt)
                RETURNING id""")
                .param("room", roomId).param("invite", link.id()).param("chat", request.chatId())
                .param("user", request.userId()).param("verdict", verdict.name())
                .param("source", request.source().name()).param("username", TelegramText.clean(request.username()))
                .param("fullName", TelegramText.clean(request.fullName()))
                .param("requestedAt", request.requestedAt() == null ? null : Timestamp.from(request.requestedAt()))
                .query(Long.class).single();
        return new Decision(id, roomId, link, request.chatId(), request.userId(), verdict, request.source(),
                TelegramText.clean(request.username()), TelegramText.clean(request.fullName()), request.requestedAt());
    }

    /** Locks the decision if it is still open; empty when another thread or instance completed it. */
    boolean lockOpen(long decisionId) {
        return jdbc.sql("SELECT 1 FROM core.join_decisions WHERE id = :id AND state = 'decided' FOR UPDATE")
                .param("id", decisionId).query(Integer.class).optional().isPresent();
    }

    void finish(long decisionId, String state, String outcome) {
        jdbc.sql("UPDATE core.join_decisions SET state = :state, outcome = :outcome, finished_at = now() WHERE id = :id")
                .param("state", state).param("outcome", outcome).param("id", decisionId).update();
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
