package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.smetabot.local.LocalPostgresTests.freePort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./run-local} does, as a new user would see it: every process starts from the built
 * jars on embedded PostgreSQL, and each service's health and /metrics answer.
 */
class LocalSuiteTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theWholeSuiteStartsOnEmbeddedPostgres(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SMETABOT_HOME", Path.of("..").toAbsolutePath().normalize().toString());
        env.put("DATA_DIR", dataDir.toString());
        for (String name : new String[] {"LOCAL_PG_PORT", "SANDBOX_PORT", "BOT_PORT", "BOT_METRICS_PORT",
                "USERBOT_PORT", "USERBOT_METRICS_PORT", "WORKER_PORT", "WORKER_METRICS_PORT"}) {
            env.put(name, Integer.toString(freePort()));
        }
        SuiteSettings settings = SuiteSettings.fromEnvironment(env);
        SuiteSettings.Ports ports = settings.ports();

        try (LocalSuite suite = LocalSuite.startQuietly(settings)) {
            for (int metricsPort : new int[] {ports.botMetrics(), ports.userbotMetrics(), ports.workerMetrics()}) {
                HttpResponse<String> metrics = get(metricsPort, "/metrics");
                HttpResponse<String> health = get(metricsPort, "/health");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("jvm_memory_used_bytes");
                assertThat(health.body()).contains("\"status\":\"UP\"");
            }
            assertThat(get(ports.sandbox(), "/").statusCode()).isEqualTo(200);
            assertThat(suite.banner()).contains("http://localhost:" + ports.sandbox() + "/");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
