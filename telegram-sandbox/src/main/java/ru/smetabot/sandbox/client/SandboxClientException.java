package ru.smetabot.sandbox.client;

/** A non-2xx answer from the sandbox; {@code body} is its JSON error object. */
public class SandboxClientException extends RuntimeException {

    private final int status;
    private final String body;

    public SandboxClientException(int status, String body) {
        super("HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
