package ru.smetabot.userbot.web;

import java.net.URI;
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
import ru.smetabot.userbot.gateway.LoginBlockedException;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbotapi.UserbotProblems;
import tools.jackson.core.JacksonException;

/** Every failure as a problem detail: which field and why for bad input, what to do for Telegram's refusals. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TelegramException.class)
    ResponseEntity<ProblemDetail> telegram(TelegramException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID, WRONG_CODE, PHONE_INVALID, CODE_EXPIRED -> HttpStatus.BAD_REQUEST;
            case LOGIN_BLOCKED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_AUTHORIZED -> HttpStatus.CONFLICT;
            case UNKNOWN_ACCOUNT, NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NO_ACCESS -> HttpStatus.FORBIDDEN;
            case FLOOD_WAIT -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE, SESSION_UNUSABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(e instanceof LoginBlockedException blocked ? type(blocked.need()) : type(e.kind()));
        if (e.telegramCode() != 0) {
            problem.setProperty("telegramCode", e.telegramCode());
        }
        HttpHeaders headers = new HttpHeaders();
        if (e.kind() == TelegramException.Kind.FLOOD_WAIT) {
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problem.setProperty("retryAfter", seconds);
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static URI type(TelegramException.Kind kind) {
        return switch (kind) {
            case INVALID -> UserbotProblems.TELEGRAM_ERROR;
            case WRONG_CODE -> UserbotProblems.WRONG_CODE;
            case NOT_AUTHORIZED -> UserbotProblems.NOT_AUTHORIZED;
            case UNKNOWN_ACCOUNT -> UserbotProblems.UNKNOWN_ACCOUNT;
            case NOT_FOUND -> UserbotProblems.CHAT_NOT_FOUND;
            case NO_ACCESS -> UserbotProblems.NO_ACCESS;
            case FLOOD_WAIT -> UserbotProblems.FLOOD_WAIT;
            case UNAVAILABLE -> UserbotProblems.TELEGRAM_UNAVAILABLE;
            case PHONE_INVALID -> UserbotProblems.PHONE_INVALID;
            case CODE_EXPIRED -> UserbotProblems.CODE_EXPIRED;
            case LOGIN_BLOCKED -> UserbotProblems.LOGIN_CONFLICT;
            case SESSION_UNUSABLE -> UserbotProblems.SESSION_UNUSABLE;
        };
    }

    private static URI type(LoginBlockedException.Need need) {
        return switch (need) {
            case EMAIL_ADDRESS -> UserbotProblems.LOGIN_EMAIL_REQUIRED;
            case EMAIL_CODE -> UserbotProblems.LOGIN_EMAIL_CODE_REQUIRED;
            case OTHER_DEVICE -> UserbotProblems.LOGIN_OTHER_DEVICE_REQUIRED;
            case REGISTRATION -> UserbotProblems.LOGIN_REGISTRATION_REQUIRED;
            case PREMIUM_PURCHASE -> UserbotProblems.LOGIN_PREMIUM_REQUIRED;
        };
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
