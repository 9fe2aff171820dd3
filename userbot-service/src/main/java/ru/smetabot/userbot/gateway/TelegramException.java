package ru.smetabot.userbot.gateway;

import java.time.Duration;

/**
 * A Telegram call failed. The kind decides the HTTP answer; the message is what an operator reads.
 */
public class TelegramException extends RuntimeException {

    /** How a call failed. */
    public enum Kind {
        /** Bad input Telegram rejected (400). */
        INVALID,
        /** The account has no working session (409). */
        NOT_AUTHORIZED,
        /** The account was never connected here (404). */
        UNKNOWN_ACCOUNT,
        /** The account is not allowed to do this in the chat (403). */
        NO_ACCESS,
        /** The chat or user is unknown to the account (404). */
        NOT_FOUND,
        /** Wrong login code or password (400). */
        WRONG_CODE,
        /** FLOOD_WAIT: retry after {@link #retryAfter()} (429). */
        FLOOD_WAIT,
        /** Telegram did not answer in time or cannot be reached (503). */
        UNAVAILABLE,
        /** Telegram refused the phone number at login (400). */
        PHONE_INVALID,
        /** The login code expired (400): a new login sends a new one. */
        CODE_EXPIRED,
        /** The login reached a step this service cannot take ({@link LoginBlockedException}, 422). */
        LOGIN_BLOCKED,
        /** The account's stored session cannot be opened, e.g. a wrong database key (503). */
        SESSION_UNUSABLE
    }

    private final Kind kind;
    private final int telegramCode;
    private final Duration retryAfter;

    public TelegramException(Kind kind, int telegramCode, String message) {
        this(kind, telegramCode, message, Duration.ZERO);
    }

    public TelegramException(Kind kind, int telegramCode, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.telegramCode = telegramCode;
        this.retryAfter = retryAfter;
    }

    public static TelegramException floodWait(Duration retryAfter, String message) {
        return new TelegramException(Kind.FLOOD_WAIT, 429, message, retryAfter);
    }

    public static TelegramException notAuthorized(long account, String state) {
        return new TelegramException(Kind.NOT_AUTHORIZED, 401,
                "Userbot не авторизован: account " + account + " is in " + state
                        + "; connect it again (POST /session/login/start) and check GET /session/status");
    }

    public static TelegramException unknownAccount(long account) {
        return new TelegramException(Kind.UNKNOWN_ACCOUNT, 0,
                "Userbot не авторизован: account " + account + " is not connected (no session); connect it with"
                        + " POST /session/login/start and check GET /session/status");
    }

    public Kind kind() {
        return kind;
    }

    /** Telegram's own error code (400, 403, 420, 429, …), or 0 when Telegram did not answer. */
    public int telegramCode() {
        return telegramCode;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
