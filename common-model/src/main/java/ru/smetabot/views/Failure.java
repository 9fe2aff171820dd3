package ru.smetabot.views;

import java.time.Duration;
import java.time.Instant;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotRejectedException;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/** A userbot error as a run's failure: its reason, when the room may be retried, and the detail. */
record Failure(FailureReason reason, Instant retryAt, String detail) {

    static Failure of(UserbotException e, Instant now, Duration backoff) {
        if (e instanceof UserbotFloodWaitException flood) {
            return new Failure(FailureReason.FLOOD_WAIT, now.plus(flood.retryAfter()), e.getMessage());
        }
        FailureReason reason = FailureReason.USERBOT_REJECTED;
        if (e instanceof UserbotUnavailableException) {
            reason = FailureReason.USERBOT_UNAVAILABLE;
        } else if (e instanceof UserbotRejectedException rejected) {
            if (rejected.isNotAuthorized()) {
                reason = FailureReason.NOT_AUTHORIZED;
            } else if (rejected.isNoAccess()) {
                reason = FailureReason.NO_ACCESS;
            } else if (rejected.isChatNotFound()) {
                reason = FailureReason.CHAT_NOT_FOUND;
            }
        }
        return new Failure(reason, now.plus(backoff), e.getMessage());
    }
}
