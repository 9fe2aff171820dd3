package ru.smetabot.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.views.RefreshRuns.BackOff;
import ru.smetabot.views.RoomFixture.Room;

/**
 * The back-off queries read only flood-wait runs (V14's partial index) instead of every room's latest run; on a
 * mix of rooms they answer exactly what the former queries (kept here as the reference) answered.
 */
@SpringBootTest
@WithEmbeddedPostgres
class RefreshRunsTests {

    /** The former statements' common part: the latest finished run of every room, and the flooded accounts from it. */
    private static final String FORMER_LATEST_FINISHED = """
            WITH latest AS (
                SELECT c.id, c.userbot_account_id, c.deleted, c.archived_at, l.retry_at, l.reason
                  FROM core.channels c
                  LEFT JOIN LATERAL (
                        SELECT r.retry_at, r.reason FROM analytics.refresh_runs r
                         WHERE r.channel_id = c.id AND r.finished_at IS NOT NULL
                         ORDER BY r.started_at DESC, r.id DESC LIMIT 1) l ON true
            ), flooded AS (
                SELECT userbot_account_id, max(retry_at) AS until FROM latest
                 WHERE reason = 'flood_wait' AND retry_at > :now AND userbot_account_id IS NOT NULL
                 GROUP BY userbot_account_id
            )
            """;

    @Autowired
    RefreshRuns runs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void backOffsRoomsDueAndBackOffAnswerAsTheFormerQueriesOnAMixOfRooms() {
        RoomFixture fixture = new RoomFixture(jdbc);
        long a = 9401L;
        long b = 9402L;
        long c = 9403L;
        long d = 9404L;
        Room floodedNow = fixture.room(a);          // latest finished run: a flood wait 300 s ahead
        Room floodedBefore = fixture.room(a);       // an older flood wait 900 s ahead, then a refreshed run
        Room quietOfA = fixture.room(a);            // no run at all
        Room expired = fixture.room(b);             // a flood wait that ended
        Room runningAfterFlood = fixture.room(b);   // a flood wait 200 s ahead, then a run still going
        Room tieRefreshedLast = fixture.room(c);    // same start: flood wait (lower id), refreshed (higher id)
        Room tieFloodLast = fixture.room(d);        // same start: refreshed (lower id), flood wait 400 s ahead
        Room noAccount = fixture.room(null);        // its own flood wait 100 s ahead; no account to hold back
        Room deleted = fixture.room(c);             // deleted, its latest run a flood wait 700 s ahead
        Room noAccessOfB = fixture.room(b);         // its own no_access 50 s ahead < b's flood wait
        Room outageOfD = fixture.room(d);           // its own outage 1000 s ahead > d's flood wait
        List<Room> all = List.of(floodedNow, floodedBefore, quietOfA, expired, runningAfterFlood, tieRefreshedLast,
                tieFloodLast, noAccount, deleted, noAccessOfB, outageOfD);
        all.forEach(room -> fixture.posts(room, 1, 0));
        run(floodedNow, -60, true, "flood_wait", 300);
        run(floodedBefore, -120, true, "flood_wait", 900);
        run(floodedBefore, -30, true, null, null);
        run(expired, -60, true, "flood_wait", -10);
        run(runningAfterFlood, -60, true, "flood_wait", 200);
        run(runningAfterFlood, -5, false, null, null);
        run(tieRefreshedLast, -40, true, "flood_wait", 500);
        run(tieRefreshedLast, -40, true, null, null);
        run(tieFloodLast, -40, true, null, null);
        run(tieFloodLast, -40, true, "flood_wait", 400);
        run(noAccount, -20, true, "flood_wait", 100);
        run(deleted, -20, true, "flood_wait", 700);
        jdbc.sql("UPDATE core.channels SET deleted = true WHERE id = :id").param("id", deleted.id()).update();
        run(noAccessOfB, -20, true, "no_access", 50);
        run(outageOfD, -20, true, "userbot_unavailable", 1000);
        List<Long> ids = all.stream().map(Room::id).toList();

        Map<Long, BackOff> backOffs = runs.backOffs(ids);

        assertThat(backOffs).isEqualTo(formerBackOffs(ids));
        Instant now = clock.instant();
        assertThat(backOffs.get(quietOfA.id())).isEqualTo(new BackOff(now.plusSeconds(300), FailureReason.FLOOD_WAIT));
        assertThat(backOffs.get(floodedBefore.id())).as("its own old flood wait is superseded; a's is not")
                .isEqualTo(new BackOff(now.plusSeconds(300), FailureReason.FLOOD_WAIT));
        assertThat(backOffs.get(expired.id())).as("b: the run still going does not hide the flood wait before it")
                .isEqualTo(new BackOff(now.plusSeconds(200), FailureReason.FLOOD_WAIT));
        assertThat(backOffs.get(tieRefreshedLast.id())).as("c: a deleted room's flood wait still holds its account")
                .isEqualTo(new BackOff(now.plusSeconds(700), FailureReason.FLOOD_WAIT));
        assertThat(backOffs.get(outageOfD.id())).isEqualTo(new BackOff(now.plusSeconds(1000),
                FailureReason.USERBOT_UNAVAILABLE));
        assertThat(backOffs.get(noAccount.id())).isEqualTo(new BackOff(now.plusSeconds(100), FailureReason.FLOOD_WAIT));
        assertThat(backOffs).hasSize(all.size());
        for (Room room : all) {
            assertThat(runs.backOff(room.id())).as("room %s alone", room.id()).isEqualTo(formerBackOff(room.id()));
        }
        assertThat(runs.roomsDue()).isEqualTo(formerRoomsDue());

        clock.advance(java.time.Duration.ofSeconds(350)); // a's and b's flood waits are over, c's and d's are not
        assertThat(runs.backOffs(ids)).isEqualTo(formerBackOffs(ids)).doesNotContainKey(quietOfA.id())
                .containsKey(tieFloodLast.id());
        assertThat(runs.roomsDue()).isEqualTo(formerRoomsDue()).contains(quietOfA.id(), expired.id())
                .doesNotContain(tieFloodLast.id());
    }

    /** A run of the room started {@code startedAt} s from now, finished (failed when a reason is given) or not. */
    private void run(Room room, int startedAt, boolean finished, String reason, Integer retryAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO analytics.refresh_runs (channel_id, trigger, started_at, heartbeat_at, finished_at, outcome,
                                                    reason, retry_at)
                VALUES (:room, 'periodic', :started, :started, :finished, :outcome, :reason, :retry)
                """)
                .param("room", room.id())
                .param("started", RefreshRunStore.at(now.plusSeconds(startedAt)))
                .param("finished", finished ? RefreshRunStore.at(now.plusSeconds(startedAt + 1)) : null)
                .param("outcome", !finished ? null : reason == null ? "refreshed" : "failed")
                .param("reason", reason)
                .param("retry", retryAt == null ? null : RefreshRunStore.at(now.plusSeconds(retryAt)))
                .update();
    }

    private Map<Long, BackOff> formerBackOffs(List<Long> ids) {
        Map<Long, BackOff> backOffs = new HashMap<>();
        jdbc.sql(FORMER_LATEST_FINISHED + """
                SELECT c.id, t.until, t.reason FROM core.channels c
                 CROSS JOIN LATERAL (
                    SELECT l.retry_at AS until, l.reason FROM latest l WHERE l.id = c.id AND l.retry_at > :now
                    UNION ALL
                    SELECT f.until, 'flood_wait' FROM flooded f WHERE f.userbot_account_id = c.userbot_account_id
                    ORDER BY 1 DESC LIMIT 1) t
                 WHERE c.id = ANY(CAST(:ids AS bigint[]))
                """)
                .param("now", RefreshRunStore.at(clock.instant()))
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    backOffs.put(rs.getLong(1), new BackOff(rs.getObject(2, OffsetDateTime.class).toInstant(),
                            FailureReason.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))));
                });
        return backOffs;
    }

    private Optional<BackOff> formerBackOff(long roomId) {
        return jdbc.sql(FORMER_LATEST_FINISHED + """
                SELECT t.until, t.reason FROM (
                    SELECT l.retry_at AS until, l.reason FROM latest l WHERE l.id = :roomId AND l.retry_at > :now
                    UNION ALL
                    SELECT f.until, 'flood_wait' FROM flooded f
                      JOIN core.channels c ON c.userbot_account_id = f.userbot_account_id
                     WHERE c.id = :roomId) t
                 ORDER BY t.until DESC LIMIT 1
                """)
                .param("now", RefreshRunStore.at(clock.instant()))
                .param("roomId", roomId)
                .query((rs, n) -> new BackOff(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        FailureReason.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT))))
                .optional();
    }

    private List<Long> formerRoomsDue() {
        return new ArrayList<>(jdbc.sql(FORMER_LATEST_FINISHED + """
                SELECT l.id FROM latest l
                 WHERE NOT l.deleted AND l.archived_at IS NULL
                   AND (l.retry_at IS NULL OR l.retry_at <= :now)
                   AND NOT EXISTS (SELECT 1 FROM flooded f WHERE f.userbot_account_id = l.userbot_account_id)
                   AND EXISTS (SELECT 1 FROM core.publications p WHERE p.channel_id = l.id AND NOT p.deleted)
                 ORDER BY l.id
                """)
                .param("now", RefreshRunStore.at(clock.instant()))
                .query(Long.class)
                .list());
    }
}
