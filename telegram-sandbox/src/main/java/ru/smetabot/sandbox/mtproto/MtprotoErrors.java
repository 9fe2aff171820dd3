package ru.smetabot.sandbox.mtproto;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.smetabot.sandbox.faults.FaultException;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.updates.Json;

/** Every MTProto-side failure as {"error_code":N,"error_message":"NAME"}; flood waits are 420 FLOOD_WAIT_N. */
@RestControllerAdvice(basePackageClasses = MtprotoErrors.class)
class MtprotoErrors {

    @ExceptionHandler(MtprotoException.class)
    ResponseEntity<Map<String, Object>> rpc(MtprotoException e) {
        return reply(e.code(), e.getMessage());
    }

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<Map<String, Object>> sandbox(SandboxException e) {
        String name = e.rpcError() != null ? e.rpcError()
                : e.getMessage().replaceFirst("^[A-Za-z ]+: ", "").toUpperCase().replaceAll("[^A-Z0-9]+", "_");
        return reply(e.status(), name);
    }

    @ExceptionHandler(FaultException.class)
    ResponseEntity<Map<String, Object>> fault(FaultException e) {
        ResponseEntity<Map<String, Object>> reply = reply(e.rpcCode(), e.rpcError());
        return e.floodWait()
                ? ResponseEntity.status(reply.getStatusCode()).header("Retry-After", e.retryAfter().toString())
                        .body(reply.getBody())
                : reply;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e) {
        return reply(400, "INPUT_REQUEST_INVALID");
    }

    private static ResponseEntity<Map<String, Object>> reply(int code, String message) {
        return ResponseEntity.status(code).body(Json.obj("error_code", code, "error_message", message));
    }
}
