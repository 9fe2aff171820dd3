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
 * @param refreshCron        REFRESH_CRON: a Quartz cron expression that replaces the interval when set
 *                           (e.g. {@code 0 0/30 * * * ?}); empty by default
 * @param refreshConcurrency REFRESH_CONCURRENCY: rooms refreshed at the same time
 * @param userbotUrl         USERBOT_URL: base URL of userbot-service
 * @param userbotApiToken    USERBOT_API_TOKEN: the bearer token userbot-service expects
 * @param apiToken           WORKER_API_TOKEN: the bearer token of the worker's own /refresh API; required and
 *                           different from USERBOT_API_TOKEN (whoever may trigger a refresh must not thereby be
 *                           able to act as the bot towards the userbot)
 * @param userbotTimeout     USERBOT_TIMEOUT: deadline of one userbot call (default 90s)
 */
@Validated
@ConfigurationProperties("smetabot.worker")
public record WorkerProperties(
        @NotNull(message = "REFRESH_INTERVAL is not set (e.g. 30m)") Duration refreshInterval,
        String refreshCron,
        @Min(value = 1, message = "REFRESH_CONCURRENCY must be at least 1")
        @Max(value = 64, message = "REFRESH_CONCURRENCY must be at most 64") int refreshConcurrency,
        @NotNull(message = "USERBOT_URL is not set") URI userbotUrl,
        @NotBlank(message = "USERBOT_API_TOKEN is not set: the worker needs it to call userbot-service")
        String userbotApiToken,
        @NotBlank(message = "WORKER_API_TOKEN is not set: the bearer token of the worker's /refresh API; give it its own "
                + "value, e.g. `openssl rand -base64 32`")
        String apiToken,
        Duration userbotTimeout) {

    public WorkerProperties {
        if (apiToken != null && !apiToken.isBlank() && apiToken.equals(userbotApiToken)) {
            throw new IllegalArgumentException("WORKER_API_TOKEN must not be USERBOT_API_TOKEN: give the worker's /refresh API "
                    + "its own token, e.g. `openssl rand -base64 32`");
        }
        if (userbotTimeout == null) {
            userbotTimeout = Duration.ofSeconds(90);
        }
    }

    /** Without the tokens: settings are logged and shown by tools, secrets are not. */
    @Override
    public String toString() {
        return "WorkerProperties[refreshInterval=" + refreshInterval + ", refreshCron=" + refreshCron
                + ", refreshConcurrency=" + refreshConcurrency + ", userbotUrl=" + userbotUrl
                + ", userbotTimeout=" + userbotTimeout + "]";
    }

    /** True when a cron expression, not the interval, drives the periodic refresh. */
    public boolean usesCron() {
        return refreshCron != null && !refreshCron.isBlank();
    }
}
