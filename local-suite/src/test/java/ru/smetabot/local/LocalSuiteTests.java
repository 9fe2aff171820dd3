package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.smetabot.local.acceptance.SharedSuite;
import ru.smetabot.local.acceptance.Suite;

/**
 * What {@code ./run-local} does, as a new user would see it: every process starts from the built
 * jars on embedded PostgreSQL (random ports, a temporary data folder), and each service's health
 * and /metrics answer. It shares the suite the acceptance tests start, to keep the run short.
 */
@ExtendWith(SharedSuite.class)
class LocalSuiteTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalSuite suite;

    LocalSuiteTests(Suite suite) {
        this.suite = suite.local();
    }

    @Test
    void theWholeSuiteStartsOnEmbeddedPostgres() throws Exception {
        SuiteSettings.Ports ports = suite.settings().ports();
        for (int metricsPort : new int[] {ports.botMetrics(), ports.userbotMetrics(), ports.workerMetrics()}) {
            HttpResponse<String> metrics = get(metricsPort, "/metrics");
            HttpResponse<String> health = get(metricsPort, "/health");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
        assertThat(get(ports.sandbox(), "/").statusCode()).isEqualTo(200);
        assertThat(suite.banner()).contains("http://localhost:" + ports.sandbox() + "/");
        assertThat(suite.databaseUrl()).contains("localhost:" + suite.settings().postgresPort());
    }

    /** Local means local: nothing the suite starts answers on this machine's network addresses. */
    @Test
    void everyProcessListensOnLoopbackOnly() throws Exception {
        InetAddress external = externalAddress();
        Assumptions.assumeTrue(external != null, "this machine has no network address besides loopback");
        for (int port : suite.settings().portsByVariable().values()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external, port), 2000))
                        .as("port %d on %s", port, external).isInstanceOf(IOException.class);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                assertThat(socket.isConnected()).as("port %d on loopback", port).isTrue();
            }
        }
    }

    private static InetAddress externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
