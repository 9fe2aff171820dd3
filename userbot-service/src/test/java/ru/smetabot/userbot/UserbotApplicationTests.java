package ru.smetabot.userbot;

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
        properties = {"management.server.port=0", "smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=sandbox", "smetabot.userbot.sandbox-url=http://127.0.0.1:9"})
@WithEmbeddedPostgres
class UserbotApplicationTests {

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
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"userbot\"");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aMissingSettingFailsStartUpNamingTheVariable() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=tdlib", "smetabot.userbot.tdlib-path=/tmp/libtdjson.so", "smetabot.userbot.api-id=1", "smetabot.userbot.session-encryption-key=k")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("TG_API_HASH"));
    }

    @EnableConfigurationProperties(UserbotProperties.class)
    static class PropertiesOnly {
    }
}
