package ru.smetabot.userbotapi;

import java.net.URI;

/** The problem-detail types the userbot answers with, so callers can tell failures apart. */
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

    private UserbotProblems() {
    }

    private static URI type(String name) {
        return URI.create("urn:smetabot:userbot:" + name);
    }
}
