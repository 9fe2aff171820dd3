package ru.smetabot.sandbox.botapi;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.updates.Json;

/**
 * Errors raised before any handler runs (no such path, an unreadable multipart body) still answer in the Bot API
 * shape under /bot and /file/bot, since TelegramBots hangs on any other body; elsewhere a small JSON error.
 * An upload over 50 MB is Telegram's 413 "Request Entity Too Large".
 */
@RestController
class SandboxErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        if (path.startsWith("/bot") || path.startsWith("/file/bot")) {
            if (status == 413) {
                return BotApiReplies.error(413, "Request Entity Too Large", null);
            }
            return status == 404 ? BotApiReplies.error(404, "Not Found", null)
                    : BotApiReplies.error(status >= 500 ? 500 : 400, (status >= 500 ? "Internal Server Error: "
                            : "Bad Request: ") + reason, null);
        }
        Map<String, Object> body = Json.obj("error", reason, "path", path);
        return ResponseEntity.status(status).body(body);
    }
}
