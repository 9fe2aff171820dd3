package ru.smetabot.userbot.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import ru.smetabot.userbot.gateway.LoginBlockedException;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbotapi.UserbotProblems;

/**
 * A Telegram failure as the API answers it: its HTTP status and problem type. One place for the error answers
 * ({@code ApiErrors}) and the stop of a partial {@code /rooms/get_views} answer.
 */
public final class TelegramProblems {

    private TelegramProblems() {
    }

    public static HttpStatus status(TelegramException e) {
        return switch (e.kind()) {
            case INVALID, WRONG_CODE, PHONE_INVALID, CODE_EXPIRED -> HttpStatus.BAD_REQUEST;
            case LOGIN_BLOCKED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_AUTHORIZED -> HttpStatus.CONFLICT;
            case UNKNOWN_ACCOUNT, NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NO_ACCESS -> HttpStatus.FORBIDDEN;
            case FLOOD_WAIT -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE, SESSION_UNUSABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static URI type(TelegramException e) {
        if (e instanceof LoginBlockedException blocked) {
            return switch (blocked.need()) {
                case EMAIL_ADDRESS -> UserbotProblems.LOGIN_EMAIL_REQUIRED;
                case EMAIL_CODE -> UserbotProblems.LOGIN_EMAIL_CODE_REQUIRED;
                case OTHER_DEVICE -> UserbotProblems.LOGIN_OTHER_DEVICE_REQUIRED;
                case REGISTRATION -> UserbotProblems.LOGIN_REGISTRATION_REQUIRED;
                case PREMIUM_PURCHASE -> UserbotProblems.LOGIN_PREMIUM_REQUIRED;
            };
        }
        return switch (e.kind()) {
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

    /** Retry-After in whole seconds (at least 1) for a flood wait, else null. */
    public static Long retryAfterSeconds(TelegramException e) {
        return e.kind() == TelegramException.Kind.FLOOD_WAIT ? Math.max(1, e.retryAfter().toSeconds()) : null;
    }
}
