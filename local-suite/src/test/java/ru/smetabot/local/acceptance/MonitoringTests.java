package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules use (docker/grafana,
 * docker/prometheus) is one the running services expose. Series appear when their event first
 * happens, so the test first makes each happen once, as in production: a room refreshed by the
 * worker and by the owner's button, a join request approved, a flood wait, a failed Bot API call.
 */
@ExtendWith(SharedSuite.class)
class MonitoringTests {

    private static final Duration CYCLES = Duration.ofSeconds(60);

    private final Suite suite;

    MonitoringTests(Suite suite) {
        this.suite = suite;
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsExposed() {
        PublishedRoom room = PublishedRoom.withOneView(suite, "Грета", "Графова — мансарда", "attic.pdf");
        // A join request the bot approves (join-request series and the approval latency histogram).
        String link = room.owner().createLink(room.title(), "Мониторинг");
        long client = Suite.newUserId();
        suite.sandbox().createUser(client, "Ира", "ira" + client);
        assertThat(suite.sandbox().openInviteLink(client, link).outcome()).isEqualTo("requested");
        room.owner().awaitMessage("вступил(а) по ссылке «Мониторинг»");
        // A failed Bot API call: the answer to the owner's next button press.
        suite.sandbox().addFault("answerCallbackQuery", "OUTAGE", null, null, 1);
        room.owner().refresh(room.card());
        // The worker's REST API, for its HTTP series.
        assertThat(suite.worker("GET", "/refresh/active").status()).isEqualTo(200);
        Set<String> referenced = MonitoringFiles.referencedMetricNames();
        assertThat(referenced).hasSizeGreaterThan(30);

        // Flood waits on reading views: the worker's periodic run meets one, the next runs back off.
        suite.sandbox().addFault("mtproto:getViews", "FLOOD_WAIT", 15, null, null);
        try {
            await().atMost(CYCLES).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(exposed()).as("exposed by the bot, the userbot or the worker")
                            .containsAll(without(referenced, MonitoringFiles.PROMETHEUS_SERIES)));
        } finally {
            suite.sandbox().clearFaults();
        }
    }

    private Set<String> exposed() {
        Set<String> names = new TreeSet<>();
        for (int port : new int[] {suite.ports().botMetrics(), suite.ports().userbotMetrics(), suite.ports().workerMetrics()}) {
            names.addAll(MonitoringFiles.exposedNames(suite.metrics(port)));
        }
        return names;
    }

    private static Set<String> without(Set<String> names, Set<String> removed) {
        Set<String> rest = new TreeSet<>(names);
        rest.removeAll(removed);
        return rest;
    }
}
