package ru.smetabot.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.Http;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

/** The service starts on a migrated database and answers health and Prometheus metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.worker.userbot-api-token=secret"})
@WithEmbeddedPostgres
class WorkerApplicationTests {

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

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
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"worker\"");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aMissingSettingFailsStartUpNamingTheVariable() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.worker.refresh-interval=30m", "smetabot.worker.refresh-concurrency=4", "smetabot.worker.userbot-url=http://localhost:2")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("USERBOT_API_TOKEN"));
    }

    @EnableConfigurationProperties(WorkerProperties.class)
    static class PropertiesOnly {
    }
}
