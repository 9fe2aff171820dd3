package ru.smetabot.sandbox.botapi;

import java.util.Map;

import org.springframework.http.ResponseEntity;

import ru.smetabot.sandbox.updates.Json;

/** The two reply shapes of the Bot API; TelegramBots hangs on anything else, so every answer is one of them. */
final class BotApiReplies {

    private BotApiReplies() {
    }

    static ResponseEntity<Object> ok(Object result) {
        return ResponseEntity.ok(Json.obj("ok", true, "result", result));
    }

    static ResponseEntity<Object> error(int code, String description, Integer retryAfter) {
        Map<String, Object> body = Json.obj("ok", false, "error_code", code, "description", description,
                "parameters", retryAfter == null ? null : Json.obj("retry_after", retryAfter));
        return ResponseEntity.status(code).body(body);
    }
}
