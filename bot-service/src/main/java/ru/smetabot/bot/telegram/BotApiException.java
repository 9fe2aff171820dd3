package ru.smetabot.bot.telegram;

import java.time.Duration;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** A Bot API call failed for good (after retries); {@link #errorCode()} is Telegram's, 0 for timeouts and I/O. */
public class BotApiException extends RuntimeException {

    private final int errorCode;

    public BotApiException(String method, int errorCode, String description, Throwable cause) {
        super(method + " failed: " + (errorCode == 0 ? "" : errorCode + " ") + description, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /**
     * Telegram's retry_after of a 429 the gateway did not wait out itself (it was longer than the gateway
     * waits), or zero when Telegram named none.
     */
    public Duration retryAfter() {
        if (getCause() instanceof TelegramApiRequestException rejected && rejected.getParameters() != null
                && rejected.getParameters().getRetryAfter() != null) {
            return Duration.ofSeconds(Math.max(rejected.getParameters().getRetryAfter(), 0));
        }
        return Duration.ZERO;
    }

    /**
     * 400 HIDE_REQUESTER_MISSING: no such pending join request. It was approved or declined (possibly by another
     * admin) or withdrawn by the user: it does not say which.
     */
    public boolean isRequestMissing() {
        return errorCode == 400 && getMessage() != null && getMessage().contains("HIDE_REQUESTER_MISSING");
    }

    /** 400 USER_ALREADY_PARTICIPANT: the user is in the chat already. */
    public boolean isAlreadyParticipant() {
        return errorCode == 400 && getMessage() != null && getMessage().contains("USER_ALREADY_PARTICIPANT");
    }

    /** 403: the user blocked the bot or never started it; nothing to retry. */
    public boolean isForbidden() {
        return errorCode == 403;
    }
}
