package ru.smetabot.views;

import java.util.Locale;

/** Why a room's refresh failed; every one of them sets a time before which it is not retried. */
public enum FailureReason {
    /** Telegram asked to wait (429 Retry-After); applies to every room of the same account. */
    FLOOD_WAIT,
    /** The userbot could not be reached, timed out or answered 5xx. */
    USERBOT_UNAVAILABLE,
    /** The room's account has no working session: reconnect it (userbot /session/status). */
    NOT_AUTHORIZED,
    /** The room's account is not an administrator of the channel. */
    NO_ACCESS,
    /** The channel does not exist for the room's account. */
    CHAT_NOT_FOUND,
    /** The userbot refused the request for another reason (see the run's detail). */
    USERBOT_REJECTED,
    /** No connected account is assigned to the room ({@code core.channels.userbot_account_id}). */
    NO_ACCOUNT,
    /** An unexpected error (database, bug): see the log. */
    ERROR;

    /** The stored and metric-tag form, e.g. flood_wait. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
