package ru.smetabot.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;
import ru.smetabot.views.RefreshSummary.Outcome;
import ru.smetabot.views.RoomFixture.Room;

@SpringBootTest
@WithEmbeddedPostgres
class ViewsRefresherTests {

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
    void refreshesAll250PostsIn3UserbotCallsAndOneWrite(@Autowired DataSource dataSource, @Autowired EventLog events,
            @Autowired ViewsRefreshSettings settings) {
        Room room = rooms.room(7001L);
        rooms.posts(room, 250, 0);
        for (int m = 1; m <= 250; m++) {
            userbot.views(room.chatId(), m, m % 10 == 0 ? 0 : m + 1000);
        }
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        JdbcClient recordingJdbc = JdbcClient.create(recording.dataSource());
        ViewsRefresher counted = new ViewsRefresher(userbot.api(), recordingJdbc, runs, events,
                TransactionOperations.withoutTransaction(), clock, settings);

        RefreshSummary summary = counted.refreshViewsForRoom(room.id(), RefreshTrigger.onDemand());

        assertThat(userbot.callsFor(room.chatId())).extracting(c -> c.messageIds().size()).containsExactly(100, 100, 50);
        assertThat(recording.statementsContaining("UPDATE core.publications")).hasSize(1);
        assertThat(recording.statementsContaining("INSERT INTO analytics.view_snapshots")).hasSize(1);
        assertThat(summary.outcome()).isEqualTo(Outcome.REFRESHED);
        assertThat(summary).extracting(RefreshSummary::posts, RefreshSummary::updated, RefreshSummary::unchanged,
                RefreshSummary::missing, RefreshSummary::failed, RefreshSummary::userbotCalls)
                .containsExactly(250, 225, 25, 0, 0, 3);
        assertThat(rooms.views(room, 249)).isEqualTo(1249);
        assertThat(jdbc.sql("SELECT count(*) FROM core.publications WHERE channel_id = :r AND views_refreshed_at = :at")
                .param("r", room.id()).param("at", RefreshRunStore.at(clock.instant())).query(Integer.class).single())
                .isEqualTo(250);
    }

    @Test
    void writesSnapshotsOnlyForChangedCountsAndNeverLowersACount() {
        Room room = rooms.room(7002L);
        rooms.posts(room, 3, 5);
        userbot.views(room.chatId(), 1, 5).views(room.chatId(), 2, 9).views(room.chatId(), 3, 2);

        RefreshSummary summary = refresher.refreshViewsForRoom(room.id());

        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(2);
        assertThat(snapshots(room)).containsExactly(Map.entry(2L, 9));
        assertThat(rooms.views(room, 3)).as("a lower count from a stale cache keeps the stored one").isEqualTo(5);
    }

    @Test
    void marksPostsTelegramNoLongerHasAsDeletedKeepingTheirCounts() {
        Room room = rooms.room(7003L);
        rooms.posts(room, 3, 4);
        userbot.views(room.chatId(), 1, 6).views(room.chatId(), 3, 4);

        RefreshSummary summary = refresher.refreshViewsForRoom(room.id());

        assertThat(summary.missing()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT message_id, views FROM core.publications WHERE channel_id = :r AND deleted")
                .param("r", room.id()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list())
                .containsExactly(Map.entry(2L, 4));
        refresher.refreshViewsForRoom(room.id());
        assertThat(userbot.callsFor(room.chatId()).get(1).messageIds()).containsExactly(1L, 3L);
    }

    @Test
    void aFloodWaitFailsTheRoomUntilRetryAfterHasPassedAndKeepsEveryCount() {
        Room room = rooms.room(7004L);
        rooms.posts(room, 250, 7);
        for (int m = 1; m <= 250; m++) {
            userbot.views(room.chatId(), m, 8);
        }
        userbot.thenOnce(request -> { }).thenOnce(request -> {
            throw new UserbotFloodWaitException(Duration.ofSeconds(120), "FLOOD_WAIT_120");
        });

        RefreshSummary failed = refresher.refreshViewsForRoom(room.id(), RefreshTrigger.periodic("cycle-1"));

        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.reason()).isEqualTo(FailureReason.FLOOD_WAIT);
        assertThat(failed.retryAt()).isEqualTo(clock.instant().plusSeconds(120));
        assertThat(failed).extracting(RefreshSummary::updated, RefreshSummary::failed, RefreshSummary::userbotCalls)
                .containsExactly(100, 150, 2);
        assertThat(rooms.views(room, 250)).as("not zeroed").isEqualTo(7);
        assertThat(rooms.views(room, 1)).as("the batch read before the flood is kept").isEqualTo(8);
        assertThat(runs.roomsDue()).doesNotContain(room.id());

        clock.advance(Duration.ofSeconds(119));
        RefreshSummary early = refresher.refreshViewsForRoom(room.id());
        assertThat(early.outcome()).isEqualTo(Outcome.BACKED_OFF);
        assertThat(early.reason()).as("the back-off says why: the flood wait").isEqualTo(FailureReason.FLOOD_WAIT);
        assertThat(early.retryAt()).isEqualTo(failed.retryAt());
        assertThat(userbot.callsFor(room.chatId())).hasSize(2);
        assertThat(runs.roomsDue()).doesNotContain(room.id());

        clock.advance(Duration.ofSeconds(2));
        assertThat(runs.roomsDue()).contains(room.id());
        RefreshSummary recovered = refresher.refreshViewsForRoom(room.id());
        assertThat(recovered.outcome()).isEqualTo(Outcome.REFRESHED);
        assertThat(rooms.views(room, 250)).isEqualTo(8);
        assertThat(runs.retryNotBefore(room.id())).isEmpty();
    }

    @Test
    void aFloodWaitAlsoHoldsBackTheOtherRoomsOfTheSameAccountButNotOthers() {
        Room flooded = rooms.room(7005L);
        Room sibling = rooms.room(7005L);
        Room stranger = rooms.room(7006L);
        for (Room room : List.of(flooded, sibling, stranger)) {
            rooms.posts(room, 1, 0);
        }
        userbot.thenOnce(request -> {
            throw new UserbotFloodWaitException(Duration.ofSeconds(300), null);
        });

        refresher.refreshViewsForRoom(flooded.id());

        assertThat(runs.roomsDue()).doesNotContain(flooded.id(), sibling.id()).contains(stranger.id());
        RefreshSummary held = refresher.refreshViewsForRoom(sibling.id());
        assertThat(held.outcome()).isEqualTo(Outcome.BACKED_OFF);
        assertThat(held.reason()).as("held back by the account's flood wait").isEqualTo(FailureReason.FLOOD_WAIT);
        assertThat(held.retryAt()).isEqualTo(clock.instant().plusSeconds(300));
        assertThat(userbot.callsFor(sibling.chatId())).isEmpty();
    }

    @Test
    void anArchivedRoomIsLeftOutOfThePeriodicRefreshUntilReopened() {
        Room closed = rooms.room(7020L);
        rooms.posts(closed, 1, 0);
        assertThat(runs.roomsDue()).contains(closed.id());

        jdbc.sql("UPDATE core.channels SET archived_at = now() WHERE id = :r").param("r", closed.id()).update();
        assertThat(runs.roomsDue()).doesNotContain(closed.id());

        jdbc.sql("UPDATE core.channels SET archived_at = NULL WHERE id = :r").param("r", closed.id()).update();
        assertThat(runs.roomsDue()).contains(closed.id());
    }

    @Test
    void aRoomRestingAfterAFailureOtherThanAFloodWaitSaysWhichFailureAndUntilWhen() {
        Room room = rooms.room(7011L);
        rooms.posts(room, 1, 4);
        userbot.thenOnce(request -> {
            throw new UserbotRejectedException(401, UserbotProblems.NOT_AUTHORIZED, "account 7011 is not authorized");
        });

        RefreshSummary failed = refresher.refreshViewsForRoom(room.id(), RefreshTrigger.periodic("cycle-na"));
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.reason()).isEqualTo(FailureReason.NOT_AUTHORIZED);

        clock.advance(Duration.ofSeconds(10));
        RefreshSummary resting = refresher.refreshViewsForRoom(room.id());

        assertThat(resting.outcome()).isEqualTo(Outcome.BACKED_OFF);
        assertThat(resting.reason()).as("not a flood wait: the account is not connected")
                .isEqualTo(FailureReason.NOT_AUTHORIZED);
        assertThat(resting.retryAt()).isEqualTo(failed.retryAt());
        assertThat(runs.backOff(room.id())).contains(new RefreshRuns.BackOff(failed.retryAt(), FailureReason.NOT_AUTHORIZED));
        assertThat(userbot.callsFor(room.chatId())).hasSize(1);
    }

    @Test
    void aBusyRoomHasNoReason() {
        Room room = rooms.room(7012L);
        rooms.posts(room, 1, 0);
        jdbc.sql("""
                INSERT INTO analytics.refresh_runs (channel_id, trigger, started_at, heartbeat_at)
                VALUES (:room, 'periodic', :now, :now)""").param("room", room.id())
                .param("now", RefreshRunStore.at(clock.instant())).update();

        RefreshSummary busy = refresher.refreshViewsForRoom(room.id());

        assertThat(busy.outcome()).isEqualTo(Outcome.BUSY);
        assertThat(busy.reason()).isNull();
        assertThat(busy.retryAt()).isNull();
    }

    @Test
    void anUnknownOrDeactivatedRoomIsRefused() {
        Room room = rooms.room(7007L);
        jdbc.sql("UPDATE core.channels SET deleted = true WHERE id = :id").param("id", room.id()).update();

        assertThatThrownBy(() -> refresher.refreshViewsForRoom(room.id())).isInstanceOf(UnknownRoomException.class)
                .hasMessageContaining("deactivated");
        assertThatThrownBy(() -> refresher.refreshViewsForRoom(Long.MAX_VALUE)).isInstanceOf(UnknownRoomException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aRoomWithoutAConnectedAccountFailsWithoutCallingTheUserbot() {
        Room room = rooms.room(null);
        rooms.posts(room, 2, 3);

        RefreshSummary summary = refresher.refreshViewsForRoom(room.id());

        assertThat(summary.reason()).isEqualTo(FailureReason.NO_ACCOUNT);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(userbot.callsFor(room.chatId())).isEmpty();
    }

    @Test
    void recordsTheRunAndAViewsRefreshedEvent() {
        Room room = rooms.room(7008L);
        rooms.posts(room, 2, 0);
        userbot.views(room.chatId(), 1, 3).views(room.chatId(), 2, 0);

        RefreshSummary summary = refresher.refreshViewsForRoom(room.id(), RefreshTrigger.periodic("cycle-x"));

        assertThat(runs.recent(room.id(), 5)).singleElement().satisfies(run -> {
            assertThat(run.getId()).isEqualTo(summary.runId());
            assertThat(run.getTrigger()).isEqualTo("periodic");
            assertThat(run.getCycleId()).isEqualTo("cycle-x");
            assertThat(run.getOutcome()).isEqualTo("refreshed");
            assertThat(run.getUpdated()).isEqualTo(1);
            assertThat(run.getFinishedAt()).isNotNull();
        });
        assertThat(jdbc.sql("SELECT details ->> 'updated' FROM analytics.events WHERE channel_id = :r AND event_type = 'views_refreshed'")
                .param("r", room.id()).query(String.class).list()).containsExactly("1");
        assertThat(runs.running()).noneMatch(run -> run.getRoomId() == room.id());
    }

    private List<Map.Entry<Long, Integer>> snapshots(Room room) {
        return jdbc.sql("""
                SELECT p.message_id, s.views FROM analytics.view_snapshots s JOIN core.publications p ON p.id = s.publication_id
                 WHERE p.channel_id = :r ORDER BY p.message_id
                """).param("r", room.id()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list();
    }

}
