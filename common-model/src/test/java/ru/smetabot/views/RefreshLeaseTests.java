package ru.smetabot.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.userbotapi.UserbotUnavailableException;
import ru.smetabot.views.RefreshSummary.Outcome;
import ru.smetabot.views.RoomFixture.Room;

/** One refresh of a room at a time, a crashed run does not block the room, an outage is survived. */
@SpringBootTest
@WithEmbeddedPostgres
class RefreshLeaseTests {

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
    void aSecondRefreshOfARoomBeingRefreshedIsBusyAndCallsNothing() throws Exception {
        Room room = rooms.room(8001L);
        rooms.posts(room, 1, 0);
        userbot.views(room.chatId(), 1, 5);
        CountDownLatch inUserbot = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        userbot.always(room.chatId(), request -> {
            inUserbot.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        CompletableFuture<RefreshSummary> first = CompletableFuture.supplyAsync(() -> refresher.refreshViewsForRoom(room.id()));
        assertThat(inUserbot.await(10, TimeUnit.SECONDS)).isTrue();

        RefreshSummary second = refresher.refreshViewsForRoom(room.id(), RefreshTrigger.onDemand());
        assertThat(runs.running()).anyMatch(run -> run.getRoomId() == room.id());
        release.countDown();

        assertThat(second.outcome()).isEqualTo(Outcome.BUSY);
        assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.REFRESHED);
        assertThat(userbot.callsFor(room.chatId())).hasSize(1);
        userbot.heal(room.chatId());
    }

    @Test
    void aRunWhoseProcessDiedIsClosedAsAbandonedOnceItsLeaseHasExpired() {
        Room room = rooms.room(8002L);
        rooms.posts(room, 1, 0);
        userbot.views(room.chatId(), 1, 2);
        jdbc.sql("""
                INSERT INTO analytics.refresh_runs (channel_id, trigger, started_at, heartbeat_at)
                VALUES (:r, 'periodic', :at, :at)
                """).param("r", room.id()).param("at", RefreshRunStore.at(clock.instant().minusSeconds(60))).update();

        assertThat(refresher.refreshViewsForRoom(room.id()).outcome()).as("lease still valid").isEqualTo(Outcome.BUSY);

        clock.advance(Duration.ofMinutes(5));
        RefreshSummary summary = refresher.refreshViewsForRoom(room.id());

        assertThat(summary.outcome()).isEqualTo(Outcome.REFRESHED);
        assertThat(runs.recent(room.id(), 10)).extracting(run -> run.getOutcome()).containsExactly("refreshed", "abandoned");
    }

    @Test
    void whenTheUserbotIsDownTheFailureIsRecordedCountsAreKeptAndALaterRunRecovers() {
        Room room = rooms.room(8003L);
        rooms.posts(room, 3, 4);
        userbot.views(room.chatId(), 1, 10).views(room.chatId(), 2, 11).views(room.chatId(), 3, 12);
        userbot.always(room.chatId(), request -> {
            throw new UserbotUnavailableException(0, null, "userbot unreachable at http://localhost:1", null);
        });

        RefreshSummary down = refresher.refreshViewsForRoom(room.id());

        assertThat(down.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(down.reason()).isEqualTo(FailureReason.USERBOT_UNAVAILABLE);
        assertThat(down.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(down.failed()).isEqualTo(3);
        assertThat(rooms.views(room, 2)).isEqualTo(4);
        assertThat(runs.recent(room.id(), 1)).singleElement().satisfies(run -> {
            assertThat(run.getReason()).isEqualTo("userbot_unavailable");
            assertThat(run.getDetail()).contains("unreachable");
            assertThat(run.getRetryAt()).isEqualTo(down.retryAt());
        });

        userbot.heal(room.chatId());
        clock.advance(Duration.ofMinutes(2));
        RefreshSummary recovered = refresher.refreshViewsForRoom(room.id());

        assertThat(recovered.outcome()).isEqualTo(Outcome.REFRESHED);
        assertThat(rooms.views(room, 2)).isEqualTo(11);
    }

    @Test
    void aResultTheDatabaseRefusedForAWhileIsRecordedOnceWhenItIsBackSoTheRoomIsNotLeftBusy(
            @Autowired EventLog events, @Autowired ViewsRefreshSettings settings) {
        Room room = rooms.room(8005L);
        rooms.posts(room, 1, 0);
        userbot.views(room.chatId(), 1, 3);
        AtomicInteger calls = new AtomicInteger();
        TransactionOperations outage = new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                int call = calls.incrementAndGet();
                // 1: the counts are written; 2: the finish finds no database; 3: it commits, but the answer is lost.
                if (call == 2) {
                    throw new CannotCreateTransactionException("Connection is not available, request timed out");
                }
                T result = action.doInTransaction(null);
                if (call == 3) {
                    throw new TransactionSystemException("I/O error while sending the commit");
                }
                return result;
            }
        };
        ViewsRefresher refresher = new ViewsRefresher(userbot.api(), jdbc, runs, events, outage, clock, settings);

        RefreshSummary summary = refresher.refreshViewsForRoom(room.id());

        assertThat(calls).hasValue(4);
        assertThat(runs.running()).noneMatch(run -> run.getRoomId() == room.id());
        assertThat(runs.recent(room.id(), 10)).singleElement().satisfies(run -> {
            assertThat(run.getId()).isEqualTo(summary.runId());
            assertThat(run.getOutcome()).isEqualTo("refreshed");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.events WHERE channel_id = :r AND event_type = 'views_refreshed'")
                .param("r", room.id()).query(Long.class).single()).as("one event for the one run").isEqualTo(1);
        assertThat(this.refresher.refreshViewsForRoom(room.id()).outcome()).as("the room is free").isEqualTo(Outcome.REFRESHED);
    }

    @Test
    void purgingKeepsEachRoomsLatestRunSoBackOffSurvives() {
        Room room = rooms.room(8004L);
        rooms.posts(room, 1, 0);
        userbot.always(room.chatId(), request -> {
            throw new UserbotUnavailableException(503, null, "down", null);
        });
        refresher.refreshViewsForRoom(room.id());
        clock.advance(Duration.ofMinutes(3));
        RefreshSummary last = refresher.refreshViewsForRoom(room.id());
        userbot.heal(room.chatId());

        runs.purgeFinishedBefore(clock.instant().plus(Duration.ofDays(1)));

        assertThat(runs.recent(room.id(), 10)).extracting(run -> run.getId()).containsExactly(last.runId());
        assertThat(runs.retryNotBefore(room.id())).contains(last.retryAt());
    }
}
