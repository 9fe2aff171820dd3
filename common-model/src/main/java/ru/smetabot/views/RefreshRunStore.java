package ru.smetabot.views;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The run rows of {@code analytics.refresh_runs}: start (the room's lease), heartbeat, finish. */
final class RefreshRunStore {

    private final JdbcClient jdbc;

    RefreshRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record RoomTarget(long id, long chatId, Long account, boolean deleted) {
    }

    record LivePost(long publicationId, long messageId) {
    }

    Optional<RoomTarget> room(long roomId) {
        return jdbc.sql("SELECT id, tg_chat_id, userbot_account_id, deleted FROM core.channels WHERE id = :id")
                .param("id", roomId)
                .query((rs, n) -> new RoomTarget(rs.getLong("id"), rs.getLong("tg_chat_id"),
                        (Long) rs.getObject("userbot_account_id"), rs.getBoolean("deleted")))
                .optional();
    }

    /** Every live post of the room, oldest message first: all of them, not only the latest 100. */
    List<LivePost> livePosts(long roomId) {
        return jdbc.sql("SELECT id, message_id FROM core.publications WHERE channel_id = :id AND NOT deleted ORDER BY message_id")
                .param("id", roomId)
                .query((rs, n) -> new LivePost(rs.getLong("id"), rs.getLong("message_id")))
                .list();
    }

    /**
     * Starts a run unless one is running: the partial unique index allows one unfinished run per
     * room. A run whose heartbeat is older than {@code staleBefore} is closed first (its process died).
     */
    Optional<Long> start(long roomId, RefreshTrigger trigger, Instant now, Instant staleBefore) {
        jdbc.sql("""
                UPDATE analytics.refresh_runs
                   SET finished_at = :now, outcome = 'abandoned', detail = 'no heartbeat since ' || heartbeat_at
                 WHERE channel_id = :roomId AND finished_at IS NULL AND heartbeat_at < :staleBefore
                """)
                .param("now", at(now)).param("roomId", roomId).param("staleBefore", at(staleBefore))
                .update();
        return jdbc.sql("""
                INSERT INTO analytics.refresh_runs (channel_id, trigger, cycle_id, started_at, heartbeat_at)
                VALUES (:roomId, :trigger, :cycleId, :now, :now)
                ON CONFLICT (channel_id) WHERE finished_at IS NULL DO NOTHING
                RETURNING id
                """)
                .param("roomId", roomId).param("trigger", trigger.kind().tag())
                .param("cycleId", trigger.cycleId()).param("now", at(now))
                .query(Long.class)
                .optional();
    }

    void heartbeat(long runId, Instant now) {
        jdbc.sql("UPDATE analytics.refresh_runs SET heartbeat_at = :now WHERE id = :id")
                .param("now", at(now)).param("id", runId).update();
    }

    /**
     * Records the run's result, unless it was recorded already (a finish tried again after its commit's
     * answer was lost); a run closed as abandoned by the lease still gets its real result. True if written.
     */
    boolean finish(long runId, RefreshSummary summary, Instant now) {
        return jdbc.sql("""
                UPDATE analytics.refresh_runs
                   SET finished_at = :now, outcome = :outcome, reason = :reason, detail = :detail,
                       retry_at = :retryAt, posts = :posts, updated = :updated, unchanged = :unchanged,
                       missing = :missing, failed = :failed, userbot_calls = :calls
                 WHERE id = :id AND (finished_at IS NULL OR outcome = 'abandoned')
                """)
                .param("now", at(now))
                .param("outcome", summary.outcome().tag())
                .param("reason", summary.reason() == null ? null : summary.reason().tag())
                .param("detail", summary.detail())
                .param("retryAt", summary.retryAt() == null ? null : at(summary.retryAt()))
                .param("posts", summary.posts()).param("updated", summary.updated())
                .param("unchanged", summary.unchanged()).param("missing", summary.missing())
                .param("failed", summary.failed()).param("calls", summary.userbotCalls())
                .param("id", runId)
                .update() == 1;
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
