package ru.smetabot.sandbox.mtproto;

/** An MTProto RPC error: {"error_code":400,"error_message":"PHONE_CODE_INVALID"}. */
class MtprotoException extends RuntimeException {

    private final int code;

    MtprotoException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
