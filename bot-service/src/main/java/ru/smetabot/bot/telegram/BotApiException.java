package ru.smetabot.bot.telegram;

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

    /** 403: the user blocked the bot or never started it; nothing to retry. */
    public boolean isForbidden() {
        return errorCode == 403;
    }
}
