package ru.smetabot.userbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.smetabot.model.testing.ServiceStartContract;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

/** The service starts on a migrated database and answers health and Prometheus metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=sandbox", "smetabot.userbot.sandbox-url=http://127.0.0.1:9"})
@WithEmbeddedPostgres
class UserbotApplicationTests extends ServiceStartContract {

    @Override
    protected String applicationTag() {
        return "userbot";
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
