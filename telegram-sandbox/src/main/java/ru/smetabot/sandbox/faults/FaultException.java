package ru.smetabot.sandbox.faults;

/** A call refused by an active fault; each API side renders it in its own error shape. */
public class FaultException extends RuntimeException {

    private final Fault.Kind kind;
    private final int retryAfter;

    FaultException(Fault.Kind kind, int retryAfter) {
        super(kind == Fault.Kind.FLOOD_WAIT ? "FLOOD_WAIT_" + retryAfter : "outage");
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public boolean floodWait() {
        return kind == Fault.Kind.FLOOD_WAIT;
    }

    /** Bot API status: 429 for a flood wait, 503 for an outage. */
    public int status() {
        return floodWait() ? 429 : 503;
    }

    /** Bot API description. */
    public String description() {
        return floodWait() ? "Too Many Requests: retry after " + retryAfter : "Service Unavailable";
    }

    /** Seconds to wait, or null when not a flood wait. */
    public Integer retryAfter() {
        return floodWait() ? retryAfter : null;
    }

    /** MTProto spelling: FLOOD_WAIT_N or an internal server error. */
    public String rpcError() {
        return floodWait() ? "FLOOD_WAIT_" + retryAfter : "INTERNAL_SERVER_ERROR";
    }

    /** MTProto code: 420 for a flood wait, 503 for an outage. */
    public int rpcCode() {
        return floodWait() ? 420 : 503;
    }
}
