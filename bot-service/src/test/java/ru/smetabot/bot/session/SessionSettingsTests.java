package ru.smetabot.bot.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.BotProperties;

/** The session settings' defaults and what the settings print (never the tokens). */
class SessionSettingsTests {

    private static final BotProperties DEFAULTS = new BotProperties("7000000001:bot-token-secret-value",
            URI.create("http://localhost:1"), URI.create("http://localhost:2"), "userbot-token-secret-value",
            null, null, null, null, null, null, null);

    @Test
    void initDataIsAcceptedForFifteenMinutesByDefaultNotAnHour() {
        assertThat(DEFAULTS.initDataMaxAge()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void botPropertiesDoNotPrintTheBotTokenOrTheUserbotToken() {
        assertThat(DEFAULTS.toString()).doesNotContain("bot-token-secret-value").doesNotContain("userbot-token-secret-value")
                .contains("initDataMaxAge=PT15M");
    }
}
