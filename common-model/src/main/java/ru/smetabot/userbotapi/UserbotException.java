package ru.smetabot.userbotapi;

import java.net.URI;

/** A userbot call failed; subclasses say how. */
public abstract class UserbotException extends RuntimeException {

    private final int status;
    private final URI problemType;

    protected UserbotException(int status, URI problemType, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
    }

    /** The HTTP status the userbot answered, or 0 when it could not be reached. */
    public int status() {
        return status;
    }

    /** One of {@link UserbotProblems}, or null when unknown. */
    public URI problemType() {
        return problemType;
    }
}
