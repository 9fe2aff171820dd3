package ru.smetabot.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.views.BatchRefresher.BatchResult;
import ru.smetabot.views.RefreshSummary.Outcome;
import ru.smetabot.views.RoomFixture.Room;

/** The periodic cycle's batches: per room what ViewsRefresher does, with one statement per step for all rooms. */
@SpringBootTest
@WithEmbeddedPostgres
class BatchRefresherTests {

    @Autowired
    BatchRefresher batches;

    @Autowired
    ViewsRefresher refresher;

    @Autowired
    RefreshRuns runs;

    @Autowired
    FakeUserbot userbot;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    RoomFixture rooms;

    @BeforeEach
    void setUp() {
        rooms = new RoomFixture(jdbc);
    }

    @Test
    void threeRoomsAreWrittenWithOneStatementPerStepAndTheSameCallsAsOneByOne(@Autowired DataSource dataSource,
            @Autowired ViewsRefreshSettings settings) {
        Room big = rooms.room(9101L);
        Room small = rooms.room(9102L);
        Room quiet = rooms.room(9103L);
        rooms.posts(big, 150, 0);
        rooms.posts(small, 2, 5);
        rooms.posts(quiet, 1, 7);
        for (int m = 1; m <= 150; m++) {
            userbot.views(big.chatId(), m, m);
        }
        userbot.views(small.chatId(), 1, 9).views(small.chatId(), 2, 3);   // 3 < 5 stored: kept at 5
        userbot.views(quiet.chatId(), 1, 7);
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        BatchRefresher counted = new BatchRefresher(userbot.api(), JdbcClient.create(recording.dataSource()), runs,
                TransactionOperations.withoutTransaction(), clock, settings);

        BatchResult result = counted.refresh(List.of(big.id(), small.id(), quiet.id(), -1L), RefreshTrigger.periodic("c1"));

        assertThat(result.unknown()).containsExactly(-1L);
        Map<Long, RefreshSummary> byRoom = result.summaries().stream()
                .collect(Collectors.toMap(RefreshSummary::roomId, s -> s));
        assertThat(byRoom.values()).extracting(RefreshSummary::outcome).containsOnly(Outcome.REFRESHED);
        assertThat(byRoom.get(big.id())).extracting(RefreshSummary::posts, RefreshSummary::updated,
                RefreshSummary::unchanged, RefreshSummary::userbotCalls).containsExactly(150, 150, 0, 2);
        assertThat(byRoom.get(small.id())).extracting(RefreshSummary::updated, RefreshSummary::unchanged)
                .containsExactly(1, 1);
        assertThat(byRoom.get(quiet.id())).extracting(RefreshSummary::updated, RefreshSummary::unchanged)
                .containsExactly(0, 1);
        assertThat(userbot.callsFor(big.chatId())).extracting(c -> c.messageIds().size()).containsExactly(100, 50);
        assertThat(rooms.views(small, 1)).isEqualTo(9);
        assertThat(rooms.views(small, 2)).as("never lowered").isEqualTo(5);
        assertThat(recording.statementsContaining("UPDATE core.publications")).hasSize(1);
        assertThat(recording.statementsContaining("INSERT INTO analytics.refresh_runs")).hasSize(1);
        assertThat(recording.statementsContaining("UPDATE analytics.refresh_runs")).as("stale-run close + finish, no"
                + " heartbeat within a fifth of the lease").hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.view_snapshots s JOIN core.publications p"
                + " ON p.id = s.publication_id WHERE p.channel_id IN (:a, :b, :c)")
                .param("a", big.id()).param("b", small.id()).param("c", quiet.id()).query(Integer.class).single())
                .as("snapshots only for changed counts").isEqualTo(151);
        assertThat(jdbc.sql("SELECT channel_id, details ->> 'updated' FROM analytics.events"
                + " WHERE event_type = 'views_refreshed' AND channel_id IN (:a, :b, :c)")
                .param("a", big.id()).param("b", small.id()).param("c", quiet.id())
                .query((rs, n) -> rs.getLong(1) + "=" + rs.getString(2)).list())
                .containsExactlyInAnyOrder(big.id() + "=150", small.id() + "=1", quiet.id() + "=0");
        assertThat(runs.recent(quiet.id(), 5)).singleElement().satisfies(run -> {
            assertThat(run.getOutcome()).isEqualTo("refreshed");
            assertThat(run.getCycleId()).isEqualTo("c1");
            assertThat(run.getUnchanged()).isEqualTo(1);
        });
        assertThat(runs.running()).noneMatch(run -> List.of(big.id(), small.id(), quiet.id()).contains(run.getRoomId()));
    }

    @Test
    void aFloodWaitHoldsBackTheBatchsLaterRoomsOfThatAccountOnlyAndABusyRoomIsLeftToItsRun() {
        Room flooded = rooms.room(9201L);
        Room sibling = rooms.room(9201L);
        Room stranger = rooms.room(9202L);
        Room busy = rooms.room(9203L);
        for (Room room : List.of(flooded, sibling, stranger, busy)) {
            rooms.posts(room, 1, 0);
            userbot.views(room.chatId(), 1, 4);
        }
        Long openRun = new RefreshRunStore(jdbc).start(busy.id(), RefreshTrigger.bot(), clock.instant(),
                clock.instant().minusSeconds(300)).orElseThrow();
        userbot.thenOnce(request -> {
            throw new UserbotFloodWaitException(Duration.ofSeconds(300), null);
        });

        BatchResult result = batches.refresh(List.of(flooded.id(), sibling.id(), stranger.id(), busy.id()),
                RefreshTrigger.periodic("c2"));

        Map<Long, RefreshSummary> byRoom = result.summaries().stream()
                .collect(Collectors.toMap(RefreshSummary::roomId, s -> s));
        assertThat(byRoom.get(flooded.id())).extracting(RefreshSummary::outcome, RefreshSummary::reason)
                .containsExactly(Outcome.FAILED, FailureReason.FLOOD_WAIT);
        assertThat(byRoom.get(sibling.id())).extracting(RefreshSummary::outcome, RefreshSummary::reason,
                RefreshSummary::retryAt).containsExactly(Outcome.BACKED_OFF, FailureReason.FLOOD_WAIT,
                clock.instant().plusSeconds(300));
        assertThat(byRoom.get(stranger.id()).outcome()).isEqualTo(Outcome.REFRESHED);
        assertThat(byRoom.get(busy.id()).outcome()).isEqualTo(Outcome.BUSY);
        assertThat(userbot.callsFor(sibling.chatId())).isEmpty();
        assertThat(userbot.callsFor(busy.chatId())).isEmpty();
        assertThat(runs.recent(sibling.id(), 5)).as("a held-back room has no run, as when backed off").isEmpty();
        assertThat(runs.running()).extracting(r -> r.getId()).contains(openRun)
                .doesNotContain(byRoom.get(flooded.id()).runId(), byRoom.get(stranger.id()).runId());
        assertThat(runs.roomsDue()).doesNotContain(flooded.id(), sibling.id());
        assertThat(refresher.refreshViewsForRoom(sibling.id()).outcome()).as("the same back-off for the button")
                .isEqualTo(Outcome.BACKED_OFF);
    }

    @Test
    void callsOfAThousandIdsKeepTheCountsReadBeforeAFloodWaitPartWayAndHoldBackTheAccountsLaterRooms() {
        Room whole = rooms.room(9301L);
        Room flooded = rooms.room(9302L);
        Room sibling = rooms.room(9302L);
        rooms.posts(whole, 250, 0);
        rooms.posts(flooded, 250, 0);
        rooms.posts(sibling, 1, 0);
        for (int m = 1; m <= 250; m++) {
            userbot.views(whole.chatId(), m, m).views(flooded.chatId(), m, m);
        }
        userbot.views(sibling.chatId(), 1, 4);
        userbot.thenStopAfter(flooded.chatId(), 200, new UserbotFloodWaitException(Duration.ofSeconds(300), null));
        BatchRefresher thousand = new BatchRefresher(userbot.api(), jdbc, runs, TransactionOperations.withoutTransaction(),
                clock, new ViewsRefreshSettings(1000, Duration.ofMinutes(2), Duration.ofMinutes(5)));

        BatchResult result = thousand.refresh(List.of(whole.id(), flooded.id(), sibling.id()), RefreshTrigger.periodic("c3"));

        Map<Long, RefreshSummary> byRoom = result.summaries().stream()
                .collect(Collectors.toMap(RefreshSummary::roomId, s -> s));
        assertThat(byRoom.get(whole.id())).extracting(RefreshSummary::outcome, RefreshSummary::updated,
                RefreshSummary::userbotCalls).containsExactly(Outcome.REFRESHED, 250, 1);
        assertThat(userbot.callsFor(whole.chatId())).singleElement().satisfies(call -> {
            assertThat(call.messageIds()).hasSize(250);
            assertThat(call.acceptsPartial()).as("asks for partial answers").isTrue();
        });
        assertThat(byRoom.get(flooded.id())).extracting(RefreshSummary::outcome, RefreshSummary::reason,
                RefreshSummary::updated, RefreshSummary::failed, RefreshSummary::userbotCalls, RefreshSummary::retryAt)
                .containsExactly(Outcome.FAILED, FailureReason.FLOOD_WAIT, 200, 50, 1, clock.instant().plusSeconds(300));
        assertThat(rooms.views(flooded, 200)).as("read before the stop: written").isEqualTo(200);
        assertThat(rooms.views(flooded, 201)).as("not asked: kept").isEqualTo(0);
        assertThat(byRoom.get(sibling.id())).extracting(RefreshSummary::outcome, RefreshSummary::reason)
                .containsExactly(Outcome.BACKED_OFF, FailureReason.FLOOD_WAIT);
        assertThat(userbot.callsFor(sibling.chatId())).isEmpty();
    }
}
