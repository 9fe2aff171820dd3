package ru.smetabot.worker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's settings, from the environment (variable names in application.yml).
 *
 * @param refreshInterval    REFRESH_INTERVAL: how often every room's views are refreshed (default 30m)
 * @param refreshConcurrency REFRESH_CONCURRENCY: rooms refreshed at the same time
 * @param userbotUrl         USERBOT_URL: base URL of userbot-service
 * @param userbotApiToken    USERBOT_API_TOKEN: the bearer token userbot-service expects
 */
@Validated
@ConfigurationProperties("smetabot.worker")
public record WorkerProperties(
        @NotNull(message = "REFRESH_INTERVAL is not set (e.g. 30m)") Duration refreshInterval,
        @Min(value = 1, message = "REFRESH_CONCURRENCY must be at least 1")
        @Max(value = 64, message = "REFRESH_CONCURRENCY must be at most 64") int refreshConcurrency,
        @NotNull(message = "USERBOT_URL is not set") URI userbotUrl,
        @NotBlank(message = "USERBOT_API_TOKEN is not set: the worker needs it to call userbot-service")
        String userbotApiToken) {
}
