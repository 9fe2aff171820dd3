package ru.smetabot.views;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import ru.smetabot.userbotapi.GetViewsRequest;

/**
 * Tuning of the refresh routine; the defaults suit production.
 *
 * @param batchSize      message ids per {@code /rooms/get_views} call: 1..100, or a multiple of 100 up to
 *                       {@link GetViewsRequest#MAX_IDS} (the userbot asks Telegram 100 at a time, so a multiple
 *                       keeps Telegram's calls at ceil(posts/100) per room). 100 by default (the bot's button,
 *                       whose userbot deadline is short); the worker sets VIEWS_IDS_PER_CALL (1000)
 * @param failureBackoff how long a room rests after a failure other than a flood wait
 *                       (VIEWS_FAILURE_BACKOFF)
 * @param lease          a run whose heartbeat is older than this is taken for crashed and closed;
 *                       keep it above a fifth of itself plus the userbot client's deadline (the heartbeat is
 *                       renewed before a call once a fifth of the lease old, and one call may last the deadline)
 */
@ConfigurationProperties("smetabot.views")
public record ViewsRefreshSettings(
        @DefaultValue("100") int batchSize,
        @DefaultValue("2m") Duration failureBackoff,
        @DefaultValue("5m") Duration lease) {

    public ViewsRefreshSettings {
        if (batchSize < 1 || batchSize > GetViewsRequest.MAX_IDS
                || batchSize > RoomReader.TELEGRAM_BATCH && batchSize % RoomReader.TELEGRAM_BATCH != 0) {
            throw new IllegalArgumentException("smetabot.views.batch-size (VIEWS_IDS_PER_CALL) must be 1..100 or a"
                    + " multiple of 100 up to " + GetViewsRequest.MAX_IDS + ", was " + batchSize);
        }
    }
}
