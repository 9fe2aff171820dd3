package ru.smetabot.views;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    // The same steps for many rooms at once, one statement each: the periodic cycle's batches (BatchRefresh).

    List<RoomTarget> rooms(List<Long> roomIds) {
        return jdbc.sql("SELECT id, tg_chat_id, userbot_account_id, deleted FROM core.channels"
                        + " WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id")
                .param("ids", roomIds.toArray(Long[]::new))
                .query((rs, n) -> new RoomTarget(rs.getLong("id"), rs.getLong("tg_chat_id"),
                        (Long) rs.getObject("userbot_account_id"), rs.getBoolean("deleted")))
                .list();
    }

    /** {@link #livePosts} of many rooms, by room (a room without live posts is absent). */
    Map<Long, List<LivePost>> livePosts(List<Long> roomIds) {
        Map<Long, List<LivePost>> posts = new HashMap<>();
        jdbc.sql("SELECT channel_id, id, message_id FROM core.publications"
                        + " WHERE channel_id = ANY(CAST(:ids AS bigint[])) AND NOT deleted ORDER BY channel_id, message_id")
                .param("ids", roomIds.toArray(Long[]::new))
                .query(rs -> {
                    posts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new LivePost(rs.getLong(2), rs.getLong(3)));
                });
        return posts;
    }

    /** {@link #start} of many rooms: the run id of each room that was not busy. */
    Map<Long, Long> startAll(List<Long> roomIds, RefreshTrigger trigger, Instant now, Instant staleBefore) {
        Long[] ids = roomIds.toArray(Long[]::new);
        jdbc.sql("""
                UPDATE analytics.refresh_runs
                   SET finished_at = :now, outcome = 'abandoned', detail = 'no heartbeat since ' || heartbeat_at
                 WHERE channel_id = ANY(CAST(:ids AS bigint[])) AND finished_at IS NULL AND heartbeat_at < :staleBefore
                """)
                .param("now", at(now)).param("ids", ids).param("staleBefore", at(staleBefore))
                .update();
        Map<Long, Long> runs = new HashMap<>();
        jdbc.sql("""
                INSERT INTO analytics.refresh_runs (channel_id, trigger, cycle_id, started_at, heartbeat_at)
                SELECT r, :trigger, :cycleId, :now, :now FROM unnest(CAST(:ids AS bigint[])) AS r
                ON CONFLICT (channel_id) WHERE finished_at IS NULL DO NOTHING
                RETURNING channel_id, id
                """)
                .param("ids", ids).param("trigger", trigger.kind().tag())
                .param("cycleId", trigger.cycleId()).param("now", at(now))
                .query(rs -> {
                    runs.put(rs.getLong(1), rs.getLong(2));
                });
        return runs;
    }

    void heartbeatAll(Collection<Long> runIds, Instant now) {
        jdbc.sql("UPDATE analytics.refresh_runs SET heartbeat_at = :now WHERE id = ANY(CAST(:ids AS bigint[]))"
                        + " AND finished_at IS NULL")
                .param("now", at(now)).param("ids", runIds.toArray(Long[]::new)).update();
    }

    /** Withdraws runs that did nothing (their room turned out to be in back-off): as if never started. */
    void release(Collection<Long> runIds) {
        jdbc.sql("DELETE FROM analytics.refresh_runs WHERE id = ANY(CAST(:ids AS bigint[])) AND finished_at IS NULL")
                .param("ids", runIds.toArray(Long[]::new)).update();
    }

    /**
     * {@link #finish} of many runs in one statement, with the {@code views_refreshed} event of each refreshed
     * run that this call finished (none for a run recorded already). Returns how many runs it finished.
     */
    int finishAll(List<RefreshSummary> summaries, Instant now, String eventType) {
        int n = summaries.size();
        Long[] ids = new Long[n];
        Long[] rooms = new Long[n];
        String[] outcomes = new String[n];
        String[] reasons = new String[n];
        String[] details = new String[n];
        String[] retryAt = new String[n];
        Integer[][] numbers = new Integer[6][n];
        Long[] durations = new Long[n];
        for (int i = 0; i < n; i++) {
            RefreshSummary s = summaries.get(i);
            ids[i] = s.runId();
            rooms[i] = s.roomId();
            outcomes[i] = s.outcome().tag();
            reasons[i] = s.reason() == null ? null : s.reason().tag();
            details[i] = s.detail();
            retryAt[i] = s.retryAt() == null ? null : s.retryAt().toString();
            numbers[0][i] = s.posts();
            numbers[1][i] = s.updated();
            numbers[2][i] = s.unchanged();
            numbers[3][i] = s.missing();
            numbers[4][i] = s.failed();
            numbers[5][i] = s.userbotCalls();
            durations[i] = s.duration().toMillis();
        }
        return jdbc.sql("""
                WITH input AS (
                    SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:rooms AS bigint[]), CAST(:outcomes AS text[]),
                                         CAST(:reasons AS text[]), CAST(:details AS text[]),
                                         CAST(:retryAt AS timestamptz[]), CAST(:posts AS integer[]),
                                         CAST(:updated AS integer[]), CAST(:unchanged AS integer[]),
                                         CAST(:missing AS integer[]), CAST(:failed AS integer[]),
                                         CAST(:calls AS integer[]), CAST(:durations AS bigint[]))
                           AS i(id, room, outcome, reason, detail, retry_at, posts, updated, unchanged, missing,
                                failed, calls, duration_ms)
                ), done AS (
                    UPDATE analytics.refresh_runs r
                       SET finished_at = :now, outcome = i.outcome, reason = i.reason, detail = i.detail,
                           retry_at = i.retry_at, posts = i.posts, updated = i.updated, unchanged = i.unchanged,
                           missing = i.missing, failed = i.failed, userbot_calls = i.calls
                      FROM input i
                     WHERE r.id = i.id AND (r.finished_at IS NULL OR r.outcome = 'abandoned')
                 RETURNING r.id
                ), refreshed AS (
                    INSERT INTO analytics.events (event_type, channel_id, details)
                    SELECT :eventType, i.room, jsonb_build_object('posts', i.posts, 'updated', i.updated,
                           'unchanged', i.unchanged, 'missing', i.missing, 'userbotCalls', i.calls,
                           'durationMs', i.duration_ms)
                      FROM input i JOIN done d ON d.id = i.id
                     WHERE i.outcome = 'refreshed'
                )
                SELECT count(*) FROM done
                """)
                .param("ids", ids).param("rooms", rooms).param("outcomes", outcomes).param("reasons", reasons)
                .param("details", details).param("retryAt", retryAt).param("posts", numbers[0])
                .param("updated", numbers[1]).param("unchanged", numbers[2]).param("missing", numbers[3])
                .param("failed", numbers[4]).param("calls", numbers[5]).param("durations", durations)
                .param("now", at(now)).param("eventType", eventType)
                .query(Integer.class)
                .single();
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
