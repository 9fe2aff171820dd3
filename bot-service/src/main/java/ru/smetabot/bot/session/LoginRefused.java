package ru.smetabot.bot.session;

/**
 * A login step the page must show as an error: {@code code} names it (and its text, {@code miniapp.error.<code>}),
 * {@code restart} says whether only "start over" helps, {@code retryAfterSeconds} is set for flood waits.
 */
class LoginRefused extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean restart;
    private final long retryAfterSeconds;
    private final String telegramError;

    LoginRefused(int status, String code, boolean restart, long retryAfterSeconds, String telegramError) {
        super(code);
        this.status = status;
        this.code = code;
        this.restart = restart;
        this.retryAfterSeconds = retryAfterSeconds;
        this.telegramError = telegramError;
    }

    static LoginRefused of(int status, String code, boolean restart) {
        return new LoginRefused(status, code, restart, 0, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    boolean restart() {
        return restart;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Telegram's own error name (e.g. PHONE_NUMBER_UNOCCUPIED) when there is one; shown to the user. */
    String telegramError() {
        return telegramError;
    }
}
