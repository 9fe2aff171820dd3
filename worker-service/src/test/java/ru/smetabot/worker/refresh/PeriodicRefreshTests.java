package ru.smetabot.worker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import ru.smetabot.model.testing.Http;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotUnavailableException;
import ru.smetabot.views.FakeUserbot;
import ru.smetabot.views.RoomFixture;
import ru.smetabot.views.RoomFixture.Room;

/** The periodic job on the clustered JDBC store, with a 2 s interval instead of 30 minutes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "smetabot.worker.userbot-api-token=secret", "smetabot.worker.api-token=worker-secret",
        "smetabot.worker.refresh-interval=2s", "smetabot.worker.refresh-concurrency=3",
        "spring.quartz.scheduler-name=periodic-tests"})
@WithEmbeddedPostgres
@Import({FakeUserbotConfiguration.class, TestClockConfiguration.class})
@DirtiesContext
class PeriodicRefreshTests {

    static final FakeUserbot USERBOT = FakeUserbotConfiguration.USERBOT;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @LocalManagementPort
    int managementPort;

    RoomFixture rooms;

    @BeforeEach
    void setUp() {
        rooms = new RoomFixture(jdbc);
    }

    @Test
    void thePeriodicJobIsRegisteredClusteredWithTheConfiguredIntervalAndNoMisfireBurst() throws Exception {
        SimpleTrigger trigger = (SimpleTrigger) scheduler.getTrigger(RefreshSchedule.PERIODIC_TRIGGER);
        JobDetail periodic = scheduler.getJobDetail(RefreshSchedule.PERIODIC);

        assertThat(trigger.getRepeatInterval()).isEqualTo(2000);
        assertThat(trigger.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        assertThat(periodic.isConcurrentExecutionDisallowed()).isTrue();
        assertThat(scheduler.getJobDetail(RefreshSchedule.FOR_ROOM).isDurable()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
    }

    @Test
    void aShortIntervalRefreshesRoomsAndTheMetricsShowIt() {
        Room room = rooms.room(9201L);
        rooms.posts(room, 2, 0);
        USERBOT.views(room.chatId(), 1, 3).views(room.chatId(), 2, 4);

        await(() -> jdbc.sql("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = :r AND outcome = 'refreshed'")
                .param("r", room.id()).query(Integer.class).single() > 0);

        assertThat(rooms.views(room, 2)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT trigger FROM analytics.refresh_runs WHERE channel_id = :r AND outcome = 'refreshed'")
                .param("r", room.id()).query(String.class).list()).contains("periodic");
        await(() -> Http.get(managementPort, "/metrics").body().contains("smetabot_refresh_cycles_seconds_count"));
        String metrics = Http.get(managementPort, "/metrics").body();
        assertThat(metrics).contains("smetabot_refresh_runs_seconds_count{")
                .containsPattern("smetabot_refresh_rooms_total\\{[^}]*outcome=\"refreshed\"")
                .containsPattern("smetabot_refresh_posts_total\\{[^}]*result=\"updated\"")
                .containsPattern("smetabot_refresh_userbot_calls_total\\{[^}]*result=\"ok\"")
                .containsPattern("smetabot_refresh_jobs_running\\{[^}]*job=\"periodic\"")
                .doesNotContain("smetabot_refresh_periodic_last_success_timestamp_seconds{application=\"worker\"} 0.0");
    }

    @Test
    void aFloodWaitOf120SecondsKeepsTheRoomOutOfCyclesUntilItHasPassed() {
        Room room = rooms.room(9202L);
        rooms.posts(room, 1, 7);
        USERBOT.views(room.chatId(), 1, 9).always(room.chatId(), request -> {
            throw new UserbotFloodWaitException(Duration.ofSeconds(120), "FLOOD_WAIT_120");
        });
        await(() -> failedRuns(room) == 1);
        USERBOT.heal(room.chatId());

        sleep(Duration.ofSeconds(5));
        assertThat(USERBOT.callsFor(room.chatId())).as("no call during the back-off, though cycles ran").hasSize(1);
        assertThat(rooms.views(room, 1)).as("kept, not zeroed").isEqualTo(7);

        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(121));
        await(() -> rooms.views(room, 1) == 9);
        assertThat(USERBOT.callsFor(room.chatId())).hasSize(2);
    }

    @Test
    void whenTheUserbotIsDownTheFailureIsRecordedCountsAreKeptAndALaterCycleRecovers() {
        Room room = rooms.room(9203L);
        rooms.posts(room, 2, 5);
        USERBOT.views(room.chatId(), 1, 6).views(room.chatId(), 2, 8).always(room.chatId(), request -> {
            throw new UserbotUnavailableException(0, null, "userbot unreachable at http://userbot:8082", null);
        });
        await(() -> failedRuns(room) >= 1);
        assertThat(jdbc.sql("SELECT reason FROM analytics.refresh_runs WHERE channel_id = :r AND outcome = 'failed'")
                .param("r", room.id()).query(String.class).list()).containsOnly("userbot_unavailable");
        assertThat(rooms.views(room, 2)).isEqualTo(5);

        USERBOT.heal(room.chatId());
        TestClockConfiguration.CLOCK.advance(Duration.ofMinutes(3));
        await(() -> rooms.views(room, 2) == 8);
    }

    private int failedRuns(Room room) {
        return jdbc.sql("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = :r AND outcome = 'failed'")
                .param("r", room.id()).query(Integer.class).single();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            sleep(Duration.ofMillis(200));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
