package ru.smetabot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Against real Telegram the Mini App URL must be https (Telegram refuses other web_app URLs); the sandbox takes http. */
class PublicUrlCheckTests {

    private final ApplicationContextRunner bot = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues("smetabot.bot.token=123:test", "smetabot.bot.userbot-url=http://userbot:8082",
                    "smetabot.bot.userbot-api-token=secret");

    @Test
    void realTelegramWithAnHttpPublicUrlFailsStartUpNamingTheVariable() {
        bot.withPropertyValues("smetabot.bot.telegram-api-url=https://api.telegram.org",
                        "smetabot.bot.public-url=http://bot.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("BOT_PUBLIC_URL must be an https:// URL"));
    }

    @Test
    void realTelegramWithoutAPublicUrlIsRefusedRatherThanFallingBackToLocalhost() {
        bot.withPropertyValues("smetabot.bot.telegram-api-url=https://api.telegram.org")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("BOT_PUBLIC_URL"));
    }

    @Test
    void realTelegramWithAnHttpsPublicUrlStarts() {
        bot.withPropertyValues("smetabot.bot.telegram-api-url=https://API.telegram.org/",
                        "smetabot.bot.public-url=https://bot.example.com")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BotProperties.class).miniAppUrl())
                            .isEqualTo("https://bot.example.com/miniapp/index.html");
                });
    }

    @Test
    void theSandboxTakesAnHttpPublicUrl() {
        bot.withPropertyValues("smetabot.bot.telegram-api-url=http://localhost:8080",
                        "smetabot.bot.public-url=http://localhost:8081")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @EnableConfigurationProperties(BotProperties.class)
    static class PropertiesOnly {
    }
}
