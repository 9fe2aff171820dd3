package ru.smetabot.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every service must show once started: a migrated database, and health plus Prometheus
 * metrics (tagged with its application name) on the management port. A service's test extends it
 * with {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "management.server.port=0")}
 * and {@link WithEmbeddedPostgres}.
 */
public abstract class ServiceStartContract {

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    /** The {@code application} tag the service puts on its metrics. */
    protected abstract String applicationTag();

    @Test
    void startsOnAMigratedDatabase() {
        Integer applied = jdbc.sql("SELECT count(*) FROM core.flyway_schema_history WHERE success")
                .query(Integer.class).single();

        assertThat(applied).isGreaterThanOrEqualTo(2);
    }

    @Test
    void answersMetricsAndHealthOnTheManagementPort() {
        HttpResponse<String> metrics = Http.get(managementPort, "/metrics");
        HttpResponse<String> health = Http.get(managementPort, "/health");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationTag() + "\"");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
