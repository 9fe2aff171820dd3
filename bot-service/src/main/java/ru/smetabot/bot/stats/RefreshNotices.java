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
            case BACKED_OFF:
                return CardNotice.floodWait(secondsUntil(summary.retryAt(), now));
            default:
                break;
        }
        if (summary.reason() == null) {
            return CardNotice.other("error");
        }
        return switch (summary.reason()) {
            case FLOOD_WAIT -> CardNotice.floodWait(secondsUntil(summary.retryAt(), now));
            case USERBOT_UNAVAILABLE -> CardNotice.unavailable();
            default -> CardNotice.other(summary.reason().tag());
        };
    }

    /** The metric tag of a summary: refreshed, failed_flood_wait, backed_off, busy... */
    static String outcomeTag(RefreshSummary summary) {
        return summary.reason() == null ? summary.outcome().tag() : summary.outcome().tag() + "_" + summary.reason().tag();
    }

    static long secondsUntil(Instant at, Instant now) {
        return at == null ? 0 : Math.max(1, Duration.between(now, at).toSeconds());
    }
}
