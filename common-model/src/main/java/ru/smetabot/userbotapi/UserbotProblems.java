package ru.smetabot.userbotapi;

import java.net.URI;

/**
 * The problem-detail types the userbot answers with, so callers can tell failures apart by type, never by
 * the wording of the detail (which is for people and may change).
 */
public final class UserbotProblems {

    public static final URI INVALID_REQUEST = type("invalid-request");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI UNKNOWN_ACCOUNT = type("unknown-account");
    public static final URI NOT_AUTHORIZED = type("account-not-authorized");
    public static final URI LOGIN_NOT_FOUND = type("login-not-found");
    public static final URI LOGIN_CONFLICT = type("login-conflict");
    public static final URI WRONG_CODE = type("wrong-code-or-password");
    public static final URI CHAT_NOT_FOUND = type("chat-not-found");
    public static final URI NO_ACCESS = type("no-access-to-chat");
    public static final URI FLOOD_WAIT = type("flood-wait");
    public static final URI TELEGRAM_UNAVAILABLE = type("telegram-unavailable");
    public static final URI TELEGRAM_ERROR = type("telegram-error");

    // Logins: what a login step ran into, one type per thing the person must do differently.
    /** The account is connected already: log it out first. */
    public static final URI ALREADY_CONNECTED = type("account-already-connected");
    /** The phone belongs to another Telegram user than the account asked for; the session was discarded. */
    public static final URI OTHER_ACCOUNT = type("login-other-account");
    /** Telegram refused the phone number (PHONE_NUMBER_INVALID, PHONE_NUMBER_BANNED…). */
    public static final URI PHONE_INVALID = type("phone-invalid");
    /** The code expired (PHONE_CODE_EXPIRED): start again for a new one. */
    public static final URI CODE_EXPIRED = type("code-expired");
    /** TDLib authorizationStateWaitEmailAddress: Telegram wants a login email set up first. */
    public static final URI LOGIN_EMAIL_REQUIRED = type("login-email-address-required");
    /** TDLib authorizationStateWaitEmailCode: the code went to the login email. */
    public static final URI LOGIN_EMAIL_CODE_REQUIRED = type("login-email-code-required");
    /** TDLib authorizationStateWaitOtherDeviceConfirmation: confirm on another device (QR login). */
    public static final URI LOGIN_OTHER_DEVICE_REQUIRED = type("login-other-device-confirmation-required");
    /** TDLib authorizationStateWaitRegistration: the number has no Telegram account yet. */
    public static final URI LOGIN_REGISTRATION_REQUIRED = type("login-registration-required");
    /** TDLib authorizationStateWaitPremiumPurchase: Telegram asks for Premium to sign in from a new app. */
    public static final URI LOGIN_PREMIUM_REQUIRED = type("login-premium-purchase-required");
    /** The account's stored session cannot be opened (TDLib refused setTdlibParameters); an operator must act. */
    public static final URI SESSION_UNUSABLE = type("session-unusable");

    private UserbotProblems() {
    }

    private static URI type(String name) {
        return URI.create("urn:smetabot:userbot:" + name);
    }
}
