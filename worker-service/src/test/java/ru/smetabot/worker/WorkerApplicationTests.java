package ru.smetabot.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.smetabot.model.testing.ServiceStartContract;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

/** The service starts on a migrated database and answers health and Prometheus metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.worker.userbot-api-token=secret", "smetabot.worker.api-token=worker-secret"})
@WithEmbeddedPostgres
class WorkerApplicationTests extends ServiceStartContract {

    @Override
    protected String applicationTag() {
        return "worker";
    }

    @Test
    void aMissingSettingFailsStartUpNamingTheVariable() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.worker.refresh-interval=30m", "smetabot.worker.refresh-concurrency=4", "smetabot.worker.userbot-url=http://localhost:2")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("USERBOT_API_TOKEN"));
    }

    @Test
    void workerApiTokenNoLongerDefaultsToTheUserbotMasterToken() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.worker.refresh-interval=30m", "smetabot.worker.refresh-concurrency=4",
                        "smetabot.worker.userbot-url=http://localhost:2", "smetabot.worker.userbot-api-token=master")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("WORKER_API_TOKEN"));
    }

    @Test
    void workerApiTokenEqualToTheUserbotTokenIsRefused() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.worker.refresh-interval=30m", "smetabot.worker.refresh-concurrency=4",
                        "smetabot.worker.userbot-url=http://localhost:2", "smetabot.worker.userbot-api-token=master",
                        "smetabot.worker.api-token=master")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("WORKER_API_TOKEN must not be USERBOT_API_TOKEN"));
    }

    @Test
    void workerPropertiesDoNotPrintTheirTokens() {
        WorkerProperties properties = new WorkerProperties(java.time.Duration.ofMinutes(30), null, 4,
                java.net.URI.create("http://localhost:2"), "userbot-secret-value", "worker-secret-value", null);

        assertThat(properties.toString()).doesNotContain("userbot-secret-value").doesNotContain("worker-secret-value");
    }

    @EnableConfigurationProperties(WorkerProperties.class)
    static class PropertiesOnly {
    }
}
