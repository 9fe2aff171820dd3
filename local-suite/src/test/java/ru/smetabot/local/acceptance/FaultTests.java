package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.smetabot.sandbox.client.SandboxTypes.Fault;

/**
 * Trouble in the middle of work: a crashed userbot and a database restart, each while the periodic
 * refresh of a room is in flight. The sandbox holds that room's views request (a HOLD fault on its
 * chat), so the fault always hits the very run it is meant to hit, however slow the machine is.
 */
@ExtendWith(SharedSuite.class)
class FaultTests {

    /** Longest the sandbox keeps the room's views request; well under the userbot's 70 s deadline. */
    private static final int HOLD_SECONDS = 60;
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    private final Suite suite;

    FaultTests(Suite suite) {
        this.suite = suite;
    }

    /**
     * The userbot dies (SIGKILL) while the worker's periodic run waits for its answer: the run fails
     * as userbot_unavailable, the stored count stays, and once the userbot is back (the sandbox gateway
     * keeps its sessions in USERBOT_SANDBOX_SESSIONS_FILE, so the account is still connected, as with
     * TDLib's session database) the next cycle recovers without the owner doing anything.
     */
    @Test
    void userbotKilledDuringAPeriodicRefresh() throws Exception {
        PublishedRoom room = PublishedRoom.withOneView(suite, "Фёдор", "Фёдоров — веранда", "veranda.pdf");
        HeldRun held = holdPeriodicRun(room);
        long cut = held.runId();
        try {
            suite.local().crashAndRestart("userbot");
        } finally {
            suite.sandbox().removeFault(held.faultId());
        }
        Client.joinByLink(suite, room.chatId()).readPosts();

        assertThat(finishedRun(cut)).as("the run the crash cut").isEqualTo("failed/userbot_unavailable");
        assertThat(suite.queryLong("SELECT views FROM core.publications WHERE channel_id = ?", room.roomId()))
                .as("the count read before is kept").isEqualTo(1);

        try {
            SeedChecklistTests.awaitCardShowing(room.owner(), room.title(), room.file() + " — 👁 2", Duration.ofSeconds(60));
            assertRecoveredOnce(room, cut);
        } catch (AssertionError | ConditionTimeoutException e) {
            throw withRunsAndWorkerLog(e, room);
        }
        assertHealthy();
    }

    /**
     * PostgreSQL goes away for a few seconds while the worker's periodic run of a room waits for the
     * userbot, and the bot polls: the cut run is closed by the worker itself (not left open until its
     * 5-minute lease runs out), every service is healthy again by itself, the next cycle writes the new
     * count and the bot shows it — no manual restart.
     */
    @Test
    void postgresRestartedWhileTheServicesWork() throws Exception {
        PublishedRoom room = PublishedRoom.withOneView(suite, "Глеб", "Глебов — крыльцо", "porch.pdf");
        HeldRun held = holdPeriodicRun(room);
        long cut = held.runId();
        try {
            suite.local().stopDatabase();
            try {
                // The userbot answers now: the run writes its counts and finishes while the database is away.
                suite.sandbox().removeFault(held.faultId());
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                suite.local().startDatabase();
            }
        } finally {
            suite.sandbox().removeFault(held.faultId());
        }
        Client.joinByLink(suite, room.chatId()).readPosts();

        assertHealthy();
        assertThat(room.owner().say("/start", "SmetaBot").text()).contains("SmetaBot");
        try {
            assertThat(finishedRun(cut)).as("the run the restart cut, closed by the worker").doesNotStartWith("abandoned");
            SeedChecklistTests.awaitCardShowing(room.owner(), room.title(), room.file() + " — 👁 2", Duration.ofSeconds(60));
            assertRecoveredOnce(room, cut);
        } catch (AssertionError | ConditionTimeoutException e) {
            throw withRunsAndWorkerLog(e, room);
        }
    }

    /** A run of a room waiting for the userbot, its views request held by a sandbox fault. */
    private record HeldRun(String faultId, long runId) {
    }

    /**
     * Holds the room's next views request in the sandbox until a periodic run makes it. A run of the
     * button is let go: under load, a press from setting the room up can still be handled afterwards.
     */
    private HeldRun holdPeriodicRun(PublishedRoom room) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Fault hold = suite.sandbox().holdCalls("mtproto:getViews", room.chatId(), 1, HOLD_SECONDS);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> suite.sandbox().fault(hold.id()).held() == 1);
            List<List<Object>> open = suite.query("SELECT id, trigger FROM analytics.refresh_runs"
                    + " WHERE channel_id = ? AND finished_at IS NULL", room.roomId());
            assertThat(open).as("the run waiting for the views of the room").hasSize(1);
            long runId = ((Number) open.get(0).get(0)).longValue();
            if (open.get(0).get(1).equals("periodic")) {
                return new HeldRun(hold.id(), runId);
            }
            suite.sandbox().removeFault(hold.id());
            finishedRun(runId);
        }
        throw new AssertionError("no periodic run of room " + room.roomId() + " came to the userbot in 3 tries");
    }

    /** outcome/reason of a run once it has finished. */
    private String finishedRun(long runId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> suite.query("SELECT outcome, reason FROM analytics.refresh_runs WHERE id = ?"
                        + " AND finished_at IS NOT NULL", runId).stream().map(r -> r.get(0) + "/" + r.get(1))
                        .findFirst().orElse(null), run -> run != null);
    }

    /**
     * Nothing lost and nothing twice: a periodic run after the cut one refreshed the room, each count
     * was snapshotted once, each refreshed run logged one views_refreshed event, no run is left open.
     */
    private void assertRecoveredOnce(PublishedRoom room, long cut) {
        assertThat(suite.queryLong("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = ? AND id > ?"
                + " AND trigger = 'periodic' AND outcome = 'refreshed'", room.roomId(), cut)).as("a later cycle").isPositive();
        assertThat(suite.query("SELECT s.views FROM analytics.view_snapshots s JOIN core.publications p"
                + " ON p.id = s.publication_id WHERE p.channel_id = ? ORDER BY s.id", room.roomId()))
                .as("snapshots of the room's post").containsExactly(List.of(1), List.of(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(suite.queryLong(
                "SELECT count(*) FROM analytics.events WHERE channel_id = ? AND event_type = 'views_refreshed'", room.roomId()))
                .as("one views_refreshed event per refreshed run").isEqualTo(suite.queryLong(
                        "SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = ? AND outcome = 'refreshed'",
                        room.roomId())));
        assertThat(suite.queryLong("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = ?"
                + " AND outcome = 'abandoned'", room.roomId())).as("runs closed by the lease").isZero();
    }

    /** The failure with the room's runs and the worker's log lines about the room, warnings and errors. */
    private AssertionError withRunsAndWorkerLog(Throwable e, PublishedRoom room) {
        String roomTag = "room=" + room.roomId();
        List<String> lines = suite.log("worker").lines().filter(line -> line.contains(roomTag + " ")
                || line.contains(roomTag + ":") || line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        return new AssertionError(e.getMessage() + "\nruns of the room: " + suite.query("SELECT id, trigger, started_at,"
                + " heartbeat_at, finished_at, outcome, reason, detail FROM analytics.refresh_runs WHERE channel_id = ?"
                + " ORDER BY id", room.roomId()) + "\nworker log, the room, warnings and errors:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())), e);
    }

    private void assertHealthy() {
        for (int metricsPort : new int[] {suite.ports().botMetrics(), suite.ports().userbotMetrics(),
                suite.ports().workerMetrics()}) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> suite.health(metricsPort).contains("UP"));
        }
    }
}
