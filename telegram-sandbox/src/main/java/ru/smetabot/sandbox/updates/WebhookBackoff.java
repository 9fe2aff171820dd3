package ru.smetabot.sandbox.updates;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Telegram's resend schedule for a failed webhook delivery, as the open-source Bot API server does it
 * (tdlib/telegram-bot-api, WebhookActor::on_update_error): the first failure is retried at once, then the
 * delay doubles from 2 s (2, 4, 8, 16, 32 s) up to a cap drawn between 60 and 120 s; a {@code retry_after}
 * the webhook answered with (at most 3600 s) replaces the delay for that attempt. Hand-written because it is
 * Telegram's own formula, not a generic back-off (Resilience4j's would not reproduce it).
 */
final class WebhookBackoff {

    private static final int MAX_RESEND_SECONDS = 60;
    private static final int MAX_RETRY_AFTER_SECONDS = 3600;

    private int failures;
    private int delaySeconds = 1;

    /** Records one more failure and answers how long to wait before the next attempt. */
    Duration next(int retryAfterSeconds) {
        int retryAfter = Math.max(0, Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
        int effective = retryAfter;
        if (retryAfter == 0 && failures > 0) {
            int cap = ThreadLocalRandom.current().nextInt(MAX_RESEND_SECONDS, MAX_RESEND_SECONDS * 2 + 1);
            delaySeconds = Math.min(cap, delaySeconds * 2);
            effective = delaySeconds;
        }
        failures++;
        return Duration.ofSeconds(effective);
    }

    int failures() {
        return failures;
    }
}
