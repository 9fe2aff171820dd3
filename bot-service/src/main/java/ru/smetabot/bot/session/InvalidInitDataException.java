package ru.smetabot.bot.session;

/** initData is missing, forged, for another bot, or too old; {@code reason} is a metric tag and a log word. */
public class InvalidInitDataException extends RuntimeException {

    private final String reason;

    public InvalidInitDataException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** missing, malformed, forged, stale, no_user. */
    public String reason() {
        return reason;
    }
}
