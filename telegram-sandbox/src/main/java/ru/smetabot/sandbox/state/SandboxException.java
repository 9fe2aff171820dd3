package ru.smetabot.sandbox.state;

/**
 * A Telegram-style refusal: HTTP status plus the Bot API description (e.g. "Bad Request: chat not found").
 * {@code rpcError} is the MTProto spelling of the same failure (e.g. CHANNEL_INVALID) when it differs.
 */
public class SandboxException extends RuntimeException {

    private final int status;
    private final String rpcError;

    public SandboxException(int status, String description, String rpcError) {
        super(description);
        this.status = status;
        this.rpcError = rpcError;
    }

    public static SandboxException badRequest(String what, String rpcError) {
        return new SandboxException(400, "Bad Request: " + what, rpcError);
    }

    public static SandboxException forbidden(String what, String rpcError) {
        return new SandboxException(403, "Forbidden: " + what, rpcError);
    }

    public static SandboxException chatNotFound() {
        return badRequest("chat not found", "CHANNEL_INVALID");
    }

    /** Telegram's refusal of an edit that changes nothing (private chats and channel posts alike). */
    public static SandboxException messageNotModified() {
        return badRequest("message is not modified: specified new message content and reply markup are exactly "
                + "the same as a current content and reply markup of the message", "MESSAGE_NOT_MODIFIED");
    }

    public int status() {
        return status;
    }

    public String rpcError() {
        return rpcError;
    }
}
