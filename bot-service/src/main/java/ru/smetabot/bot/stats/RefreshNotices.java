package ru.smetabot.bot.stats;

import java.time.Duration;
import java.time.Instant;
import ru.smetabot.bot.channels.CardNotice;
import ru.smetabot.views.RefreshSummary;

/** Turns what the refresh routine did into what the card says (null: fresh numbers, nothing to say). */
final class RefreshNotices {

    private RefreshNotices() {
    }

    static CardNotice of(RefreshSummary summary, Instant now) {
        switch (summary.outcome()) {
            case REFRESHED:
                return null;
            case BUSY:
                return CardNotice.other("busy");
            default:
                break;
        }
        // FAILED, or BACKED_OFF: resting after a failure, whose reason the summary carries; only a
        // flood wait is Telegram asking to wait, anything else is named as it is.
        if (summary.reason() == null) {
            return CardNotice.other(summary.outcome() == RefreshSummary.Outcome.BACKED_OFF ? "backed_off" : "error");
        }
        return switch (summary.reason()) {
            case FLOOD_WAIT -> CardNotice.floodWait(secondsUntil(summary.retryAt(), now));
            case USERBOT_UNAVAILABLE -> CardNotice.unavailable();
            default -> CardNotice.other(summary.reason().tag());
        };
    }

    /** The metric tag of a summary: refreshed, failed_flood_wait, backed_off, busy... (a reason only for FAILED). */
    static String outcomeTag(RefreshSummary summary) {
        return summary.reason() == null || summary.outcome() != RefreshSummary.Outcome.FAILED ? summary.outcome().tag()
                : summary.outcome().tag() + "_" + summary.reason().tag();
    }

    static long secondsUntil(Instant at, Instant now) {
        return at == null ? 0 : Math.max(1, Duration.between(now, at).toSeconds());
    }
}
