package ru.smetabot.userbot.gateway;

/**
 * A login reached an authorization state this service cannot complete (a login email, registration,
 * Telegram Premium, confirmation on another device): the wait ends at once and the caller learns which.
 */
public class LoginBlockedException extends TelegramException {

    /** What Telegram asks for; each has its own problem type. */
    public enum Need { EMAIL_ADDRESS, EMAIL_CODE, OTHER_DEVICE, REGISTRATION, PREMIUM_PURCHASE }

    private final Need need;

    public LoginBlockedException(Need need, String message) {
        super(Kind.LOGIN_BLOCKED, 0, message);
        this.need = need;
    }

    public Need need() {
        return need;
    }
}
