package ru.smetabot.views;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.refresh.RefreshRun;
import ru.smetabot.model.refresh.RefreshRunRepository;

/**
 * The read side of the refresh: which rooms are due, which are in back-off, what is running, what
 * ran. A room is in back-off while its latest finished run has {@code retry_at} in the future, or
 * while another room of the same account is in a flood wait (Telegram's limit is per account).
 */
public class RefreshRuns {

    /**
     * Accounts in a flood wait now, with its end: a room's latest finished run failed with a flood wait whose
     * retry time is ahead. It reads only flood-wait runs (partial index {@code refresh_runs_flood_wait_idx}, V14)
     * and, for each, whether a later finished run of its room exists — not the latest run of every room.
     */
    private static final String FLOODED = """
            flooded AS MATERIALIZED (
                SELECT c.userbot_account_id, max(r.retry_at) AS until
                  FROM analytics.refresh_runs r
                  JOIN core.channels c ON c.id = r.channel_id
                 WHERE r.reason = 'flood_wait' AND r.retry_at > :now AND r.finished_at IS NOT NULL
                   AND c.userbot_account_id IS NOT NULL
                   AND NOT EXISTS (
                        SELECT 1 FROM analytics.refresh_runs n
                         WHERE n.channel_id = r.channel_id AND n.finished_at IS NOT NULL
                           AND (n.started_at > r.started_at OR n.started_at = r.started_at AND n.id > r.id))
                 GROUP BY c.userbot_account_id
            )
            """;

    /** The latest finished run of room {@code <room>.id}: its retry time and reason (a LATERAL subquery). */
    private static final String LATEST_RUN_OF = """
            SELECT r.retry_at, r.reason FROM analytics.refresh_runs r
             WHERE r.channel_id = %s.id AND r.finished_at IS NOT NULL
             ORDER BY r.started_at DESC, r.id DESC LIMIT 1
            """;

    private final JdbcClient jdbc;
    private final RefreshRunRepository runs;
    private final Clock clock;

    public RefreshRuns(JdbcClient jdbc, RefreshRunRepository runs, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.clock = clock;
    }

    /** Live, not archived rooms with live posts that are not in back-off now, by id: the periodic job's work list. */
    public List<Long> roomsDue() {
        return jdbc.sql("WITH " + FLOODED + """
                SELECT c.id FROM core.channels c
                  LEFT JOIN LATERAL (%s) l ON true
                 WHERE NOT c.deleted AND c.archived_at IS NULL
                   AND (l.retry_at IS NULL OR l.retry_at <= :now)
                   AND NOT EXISTS (SELECT 1 FROM flooded f WHERE f.userbot_account_id = c.userbot_account_id)
                   AND EXISTS (SELECT 1 FROM core.publications p WHERE p.channel_id = c.id AND NOT p.deleted)
                 ORDER BY c.id
                """.formatted(LATEST_RUN_OF.formatted("c")))
                .param("now", RefreshRunStore.at(clock.instant()))
                .query(Long.class)
                .list();
    }

    /** When the room may be refreshed again, if it is in back-off now. */
    public Optional<Instant> retryNotBefore(long roomId) {
        return backOff(roomId).map(BackOff::until);
    }

    /**
     * Why and until when the room is in back-off now, if it is: the failure that set the latest
     * retry time — the room's own last failed run, or a flood wait of another room of its account.
     */
    public Optional<BackOff> backOff(long roomId) {
        return jdbc.sql("WITH " + FLOODED + """
                SELECT t.until, t.reason FROM (
                    SELECT l.retry_at AS until, l.reason FROM core.channels c
                     CROSS JOIN LATERAL (%s) l
                     WHERE c.id = :roomId AND l.retry_at > :now
                    UNION ALL
                    SELECT f.until, 'flood_wait' FROM flooded f
                      JOIN core.channels c ON c.userbot_account_id = f.userbot_account_id
                     WHERE c.id = :roomId) t
                 ORDER BY t.until DESC LIMIT 1
                """.formatted(LATEST_RUN_OF.formatted("c")))
                .param("now", RefreshRunStore.at(clock.instant()))
                .param("roomId", roomId)
                .query((rs, n) -> new BackOff(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        reasonOf(rs.getString(2))))
                .optional();
    }

    /**
     * {@link #backOff} of many rooms in one statement (the periodic cycle's batches): only the rooms in
     * back-off now appear in the answer. Its cost grows with the batch and the flood-wait runs still ahead, not
     * with every room (the periodic cycle runs it per batch).
     */
    public Map<Long, BackOff> backOffs(List<Long> roomIds) {
        Map<Long, BackOff> backOffs = new HashMap<>();
        jdbc.sql("WITH " + FLOODED + """
                SELECT c.id, t.until, t.reason FROM core.channels c
                 CROSS JOIN LATERAL (
                    SELECT l.retry_at AS until, l.reason FROM (%s) l WHERE l.retry_at > :now
                    UNION ALL
                    SELECT f.until, 'flood_wait' FROM flooded f WHERE f.userbot_account_id = c.userbot_account_id
                    ORDER BY 1 DESC LIMIT 1) t
                 WHERE c.id = ANY(CAST(:ids AS bigint[]))
                """.formatted(LATEST_RUN_OF.formatted("c")))
                .param("now", RefreshRunStore.at(clock.instant()))
                .param("ids", roomIds.toArray(Long[]::new))
                .query(rs -> {
                    backOffs.put(rs.getLong(1), new BackOff(rs.getObject(2, OffsetDateTime.class).toInstant(),
                            reasonOf(rs.getString(3))));
                });
        return backOffs;
    }

    /**
     * A room resting after a failure.
     *
     * @param until  no refresh of the room starts before this time
     * @param reason the failure that set it ({@link FailureReason#ERROR} if its stored tag is unknown)
     */
    public record BackOff(Instant until, FailureReason reason) {
    }

    private static FailureReason reasonOf(String tag) {
        if (tag == null) {
            return FailureReason.ERROR;
        }
        try {
            return FailureReason.valueOf(tag.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return FailureReason.ERROR;
        }
    }

    /** Refreshes running now, on any instance (and the bot). */
    public List<RefreshRun> running() {
        return runs.findByFinishedAtIsNullOrderByStartedAt();
    }

    /** The latest runs, newest first; of one room when {@code roomId} is given. */
    public List<RefreshRun> recent(Long roomId, int limit) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 500)));
        return roomId == null ? runs.findAllByOrderByStartedAtDescIdDesc(page)
                : runs.findByRoomIdOrderByStartedAtDescIdDesc(roomId, page);
    }

    /** Deletes finished runs older than {@code before} (history retention); returns how many. */
    public int purgeFinishedBefore(Instant before) {
        return jdbc.sql("""
                DELETE FROM analytics.refresh_runs r
                 WHERE r.finished_at < :before
                   AND r.id <> (SELECT max(x.id) FROM analytics.refresh_runs x WHERE x.channel_id = r.channel_id)
                """)
                .param("before", RefreshRunStore.at(before))
                .update();
    }
}
