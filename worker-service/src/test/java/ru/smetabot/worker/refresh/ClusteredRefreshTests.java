package ru.smetabot.worker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.smetabot.model.testing.TestPostgres;
import ru.smetabot.views.FakeUserbot;
import ru.smetabot.views.RoomFixture;
import ru.smetabot.views.RoomFixture.Room;
import ru.smetabot.worker.WorkerApplication;

/**
 * Two worker instances on one database (two Spring contexts, one Quartz cluster): every cycle
 * runs once, on one of them, and every room is refreshed once per cycle, never twice at a time.
 */
class ClusteredRefreshTests {

    static final FakeUserbot USERBOT = FakeUserbotConfiguration.USERBOT;

    @Test
    void twoWorkersRefreshEachRoomExactlyOncePerCycle() {
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(TestPostgres.jdbcUrl(), "postgres", ""));
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        try {
            workers.add(worker("worker-a"));
            RoomFixture fixture = new RoomFixture(jdbc);
            List<Room> rooms = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Room room = fixture.room(9300L + i);
                fixture.posts(room, 120, 0);
                for (int m = 1; m <= 120; m++) {
                    USERBOT.views(room.chatId(), m, m);
                }
                rooms.add(room);
            }
            workers.add(worker("worker-b"));
            assertThat(jdbc.sql("SELECT count(*) FROM quartz.qrtz_scheduler_state WHERE sched_name = 'cluster-tests'")
                    .query(Integer.class).single()).isEqualTo(2);

            PeriodicRefreshTests.await(() -> cycles(jdbc, rooms).size() >= 4);
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
        List<Room> rooms = jdbc.sql("SELECT id, tg_chat_id, userbot_account_id FROM core.channels WHERE userbot_account_id BETWEEN 9300 AND 9303")
                .query((rs, n) -> new Room(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        Map<String, List<Long>> cycles = cycles(jdbc, rooms);
        assertThat(cycles).hasSizeGreaterThanOrEqualTo(4);
        cycles.forEach((cycle, roomIds) -> assertThat(roomIds).as("cycle " + cycle).doesNotHaveDuplicates());
        for (Room room : rooms) {
            int runs = jdbc.sql("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = :r AND trigger = 'periodic'")
                    .param("r", room.id()).query(Integer.class).single();
            // the worker asks for up to VIEWS_IDS_PER_CALL (1 000) ids per call: one call of all 120 posts per run
            assertThat(USERBOT.callsFor(room.chatId())).as("one call (120 posts) per run, no run twice")
                    .hasSize(runs)
                    .allSatisfy(call -> assertThat(call.messageIds()).hasSize(120));
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM analytics.refresh_runs a JOIN analytics.refresh_runs b
                      ON a.channel_id = b.channel_id AND a.id < b.id AND b.started_at < coalesce(a.finished_at, 'infinity')
                     WHERE a.channel_id = :r
                    """).param("r", room.id()).query(Integer.class).single()).as("overlapping runs").isZero();
        }
    }

    private static Map<String, List<Long>> cycles(JdbcClient jdbc, List<Room> rooms) {
        Map<String, List<Long>> cycles = new TreeMap<>();
        jdbc.sql("""
                SELECT cycle_id, channel_id FROM analytics.refresh_runs
                 WHERE trigger = 'periodic' AND outcome IS NOT NULL AND channel_id = ANY(:rooms)
                   AND (cycle_id LIKE 'worker-a%' OR cycle_id LIKE 'worker-b%')
                """).param("rooms", rooms.stream().map(Room::id).toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> cycles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return cycles;
    }

    private static ConfigurableApplicationContext worker(String instanceId) {
        return new SpringApplicationBuilder(WorkerApplication.class, FakeUserbotConfiguration.class).run(
                "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--management.server.port=0",
                "--smetabot.worker.userbot-api-token=secret",
                "--smetabot.worker.api-token=worker-secret",
                "--smetabot.worker.refresh-interval=1s",
                "--spring.quartz.scheduler-name=cluster-tests",
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + instanceId,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000");
    }
}
