package ru.smetabot.userbot.web;

import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbotapi.UserbotProblems;
import tools.jackson.core.JacksonException;

/** Every failure as a problem detail: which field and why for bad input, what to do for Telegram's refusals. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TelegramException.class)
    ResponseEntity<ProblemDetail> telegram(TelegramException e) {
        HttpStatus status = TelegramProblems.status(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(TelegramProblems.type(e));
        if (e.telegramCode() != 0) {
            problem.setProperty("telegramCode", e.telegramCode());
        }
        HttpHeaders headers = new HttpHeaders();
        Long retryAfter = TelegramProblems.retryAfterSeconds(e);
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            problem.setProperty("retryAfter", retryAfter);
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getAllErrors().stream()
                .map(error -> (error instanceof FieldError field ? field.getField() : error.getObjectName()) + ": " + error.getDefaultMessage())
                .sorted().collect(Collectors.joining("; "));
        return invalid(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String detail = "malformed JSON body";
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            detail = jackson.getPathReference().replaceFirst("^.*?\\[", "[") + ": " + jackson.getOriginalMessage();
        } else if (cause != null && cause != e) {
            detail = detail + ": " + cause.getMessage();
        }
        return invalid(detail);
    }

    private static ResponseEntity<Object> invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(UserbotProblems.INVALID_REQUEST);
        return ResponseEntity.badRequest().body(problem);
    }
}
