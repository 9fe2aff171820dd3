package ru.smetabot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.smetabot.model.testing.ServiceStartContract;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

/** The service starts on a migrated database and answers health and Prometheus metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.bot.token=123:test", "smetabot.bot.userbot-api-token=secret",
                "smetabot.bot.polling=false", "smetabot.bot.public-url=https://bot.example.com",
                // Cached across the run on the shared database: its digest runs (real clock) must not mark other tests' digests.
                "smetabot.bot.digests.check-interval=0s"})
@WithEmbeddedPostgres
class BotApplicationTests extends ServiceStartContract {

    @Override
    protected String applicationTag() {
        return "bot";
    }

    @Test
    void aMissingSettingFailsStartUpNamingTheVariable() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.bot.telegram-api-url=http://localhost:1", "smetabot.bot.userbot-url=http://localhost:2", "smetabot.bot.userbot-api-token=secret")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("BOT_TOKEN"));
    }

    @EnableConfigurationProperties(BotProperties.class)
    static class PropertiesOnly {
    }
}
