package ru.smetabot.userbotapi;

import java.net.URI;

/**
 * The userbot refused the request (4xx other than 429): retrying the same request will not help.
 * {@link #getMessage()} is the problem detail, readable by an operator.
 */
public class UserbotRejectedException extends UserbotException {

    public UserbotRejectedException(int status, URI problemType, String detail) {
        super(status, problemType, detail, null);
    }

    /** The account has no working session: reconnect it (see /session/status). */
    public boolean isNotAuthorized() {
        return UserbotProblems.NOT_AUTHORIZED.equals(problemType()) || UserbotProblems.UNKNOWN_ACCOUNT.equals(problemType());
    }

    /** The account is not an administrator of the chat (or was removed from it). */
    public boolean isNoAccess() {
        return UserbotProblems.NO_ACCESS.equals(problemType());
    }

    /** The chat (or message) does not exist for this account. */
    public boolean isChatNotFound() {
        return UserbotProblems.CHAT_NOT_FOUND.equals(problemType());
    }
}
