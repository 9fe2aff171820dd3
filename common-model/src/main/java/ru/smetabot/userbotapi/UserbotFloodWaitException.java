package ru.smetabot.userbotapi;

import java.time.Duration;

/** Telegram asked to wait (FLOOD_WAIT): back off for {@link #retryAfter()}, then try again. */
public class UserbotFloodWaitException extends UserbotException {

    private final Duration retryAfter;

    public UserbotFloodWaitException(Duration retryAfter, String detail) {
        super(429, UserbotProblems.FLOOD_WAIT, "Telegram flood wait, retry after " + retryAfter.toSeconds() + " s"
                + (detail == null ? "" : ": " + detail), null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
