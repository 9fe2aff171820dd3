package ru.smetabot.bot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bot's settings, from the environment (see application.yml for the variable names).
 *
 * @param token            BOT_TOKEN: the token from @BotFather, or one declared in the sandbox
 * @param telegramApiUrl   TELEGRAM_API_URL: Bot API base, https://api.telegram.org or the sandbox
 * @param userbotUrl       USERBOT_URL: base URL of userbot-service
 * @param userbotApiToken  USERBOT_API_TOKEN: the bearer token userbot-service expects
 */
@Validated
@ConfigurationProperties("smetabot.bot")
public record BotProperties(
        @NotBlank(message = "BOT_TOKEN is not set: give the bot token from @BotFather (or a sandbox bot's token)")
        String token,
        @NotNull(message = "TELEGRAM_API_URL is not set") URI telegramApiUrl,
        @NotNull(message = "USERBOT_URL is not set") URI userbotUrl,
        @NotBlank(message = "USERBOT_API_TOKEN is not set: the bot needs it to call userbot-service")
        String userbotApiToken) {
}
