package ru.smetabot.views;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one {@link ViewsRefresher#refreshViewsForRoom} did.
 *
 * @param roomId       the room ({@code core.channels.id})
 * @param outcome      refreshed, failed, or not started (backed off / busy)
 * @param posts        live posts the run started with
 * @param updated      posts whose count changed (each got a view snapshot)
 * @param unchanged    posts refreshed with the same count
 * @param missing      posts Telegram no longer has, now marked deleted
 * @param failed       posts not refreshed because the run stopped (flood wait, outage)
 * @param userbotCalls {@code /rooms/get_views} calls made (one per ≤ smetabot.views.batch-size posts)
 * @param duration     wall time of the run
 * @param reason       why it failed; for BACKED_OFF, why the room rests (the failure that set retryAt);
 *                     null when refreshed or BUSY
 * @param retryAt      no refresh of the room starts before this time; null when none is pending
 * @param detail       operator-readable detail of a failure, or null
 * @param runId        the {@code analytics.refresh_runs} row, null when not started
 */
public record RefreshSummary(long roomId, Outcome outcome, int posts, int updated, int unchanged, int missing,
        int failed, int userbotCalls, Duration duration, FailureReason reason, Instant retryAt, String detail,
        Long runId) {

    public enum Outcome {
        /** Every count that could be read was written. */
        REFRESHED,
        /** The run stopped early; what it had read is written, nothing stored was lost. See reason and retryAt. */
        FAILED,
        /** Not started: the room (or its account, for a flood wait) is in back-off until retryAt. */
        BACKED_OFF,
        /** Not started: another refresh of this room is running now (another worker or the bot). */
        BUSY;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A run that did not start: BACKED_OFF carries the reason of the failure the room rests after
     * (flood wait, not_authorized, ...) and its retry time; BUSY has neither.
     */
    static RefreshSummary notStarted(long roomId, Outcome outcome, FailureReason reason, Instant retryAt,
            Duration duration) {
        return new RefreshSummary(roomId, outcome, 0, 0, 0, 0, 0, 0, duration, reason, retryAt, null, null);
    }

    public boolean refreshed() {
        return outcome == Outcome.REFRESHED;
    }
}
