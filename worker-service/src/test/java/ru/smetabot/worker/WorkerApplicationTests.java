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
        properties = {"management.server.port=0", "smetabot.worker.userbot-api-token=secret"})
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

    @EnableConfigurationProperties(WorkerProperties.class)
    static class PropertiesOnly {
    }
}
