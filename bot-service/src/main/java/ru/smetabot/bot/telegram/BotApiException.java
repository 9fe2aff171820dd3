package ru.smetabot.bot.telegram;

import java.time.Duration;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A Bot API call failed for good (after retries); {@link #errorCode()} is Telegram's, 0 for timeouts and I/O.
 * What the failure means is read through {@link #reason()} and the predicates below, never by matching
 * {@link #getMessage()}: Telegram's wording is recognised once, in {@link TelegramError}.
 */
public class BotApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final String description;
    private final TelegramError reason;

    public BotApiException(String method, int errorCode, String description, Throwable cause) {
        super(method + " failed: " + (errorCode == 0 ? "" : errorCode + " ") + description, cause);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description == null ? "" : description;
        this.reason = TelegramError.classify(errorCode, description);
    }

    public int errorCode() {
        return errorCode;
    }

    /** The Bot API method that failed, e.g. {@code createChatInviteLink}. */
    public String method() {
        return method;
    }

    /** Telegram's description as it came (English, raw: log it, never show it to a user). */
    public String description() {
        return description;
    }

    /** What the failure means. */
    public TelegramError reason() {
        return reason;
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

    /** 403: the user blocked the bot or never started it, or the bot left the chat; nothing to retry. */
    public boolean isForbidden() {
        return errorCode == 403;
    }

    /** "message is not modified": the edit changed nothing, which counts as done. */
    public boolean isNotModified() {
        return reason == TelegramError.NOT_MODIFIED;
    }

    /** The bot is an administrator without the right the call needs (or not an administrator at all). */
    public boolean lacksAdminRight() {
        return reason == TelegramError.NO_ADMIN_RIGHT;
    }

    public boolean isChatNotFound() {
        return reason == TelegramError.CHAT_NOT_FOUND;
    }

    /** The bot was removed from the chat. */
    public boolean isBotRemoved() {
        return reason == TelegramError.BOT_REMOVED;
    }

    public boolean isBlockedByUser() {
        return reason == TelegramError.BLOCKED_BY_USER;
    }

    /**
     * HIDE_REQUESTER_MISSING: there is no pending join request. It was approved or declined by someone
     * (possibly another admin) or withdrawn by the user; it does not say which.
     */
    public boolean isRequestMissing() {
        return reason == TelegramError.REQUEST_MISSING;
    }

    /** USER_ALREADY_PARTICIPANT: the user is already a member of the chat. */
    public boolean isAlreadyParticipant() {
        return reason == TelegramError.ALREADY_PARTICIPANT;
    }

    /** INVITE_HASH_EXPIRED / INVITE_HASH_INVALID: Telegram no longer knows the link. */
    public boolean isInviteLinkGone() {
        return reason == TelegramError.INVITE_LINK_GONE;
    }

    /** The callback query is too old to answer. */
    public boolean isQueryTooOld() {
        return reason == TelegramError.QUERY_TOO_OLD;
    }

    /** A text, caption or callback_data over Telegram's limit. */
    public boolean isTooLong() {
        return reason == TelegramError.TOO_LONG;
    }

    /** "can't parse entities": the HTML was refused. */
    public boolean isBadMarkup() {
        return reason == TelegramError.BAD_MARKUP;
    }

    /** 429 Too Many Requests that the gateway did not wait out; see {@link #retryAfter()}. */
    public boolean isFloodWait() {
        return reason == TelegramError.FLOOD_WAIT;
    }

    /** No answer in time or a transport failure: the call may or may not have taken effect. */
    public boolean isNetwork() {
        return reason == TelegramError.NETWORK;
    }
}
