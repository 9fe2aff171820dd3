package ru.smetabot.sandbox.control;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.updates.Json;

/** Control API errors: {"error":"Bad Request: chat not found","code":"CHANNEL_INVALID"} with the HTTP status. */
@RestControllerAdvice(basePackageClasses = ControlErrors.class)
class ControlErrors {

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<Map<String, Object>> sandbox(SandboxException e) {
        return ResponseEntity.status(e.status()).body(Json.obj("error", e.getMessage(), "code", e.rpcError()));
    }

    @ExceptionHandler({IllegalArgumentException.class, NullPointerException.class})
    ResponseEntity<Map<String, Object>> invalid(RuntimeException e) {
        return ResponseEntity.badRequest().body(Json.obj("error", "Bad Request: " + e.getMessage()));
    }
}
