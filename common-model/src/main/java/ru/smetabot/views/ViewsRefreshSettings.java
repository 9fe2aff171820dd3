package ru.smetabot.views;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the refresh routine; the defaults suit production.
 *
 * @param batchSize      message ids per {@code /rooms/get_views} call (Telegram's limit is 100)
 * @param failureBackoff how long a room rests after a failure other than a flood wait
 *                       (VIEWS_FAILURE_BACKOFF)
 * @param lease          a run whose heartbeat is older than this is taken for crashed and closed;
 *                       keep it above the userbot client's deadline
 */
@ConfigurationProperties("smetabot.views")
public record ViewsRefreshSettings(
        @DefaultValue("100") int batchSize,
        @DefaultValue("2m") Duration failureBackoff,
        @DefaultValue("5m") Duration lease) {

    public ViewsRefreshSettings {
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("smetabot.views.batch-size must be 1..100, was " + batchSize);
        }
    }
}
