package ru.smetabot.sandbox.botapi;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over spring.servlet.multipart.max-file-size (50 MB, sendDocument's limit in the Bot API docs) fails
 * while the multipart body is read, before any controller: Telegram answers such a request 413 "Request Entity
 * Too Large", in the Bot API error shape under /bot.
 */
@RestControllerAdvice
class UploadTooLargeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/bot")) {
            return BotApiReplies.error(413, "Request Entity Too Large", null);
        }
        return ResponseEntity.status(413).body(Map.of("error", "Request Entity Too Large"));
    }
}
