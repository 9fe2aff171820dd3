package ru.smetabot.userbot.gateway;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.smetabot.userbot.gateway.TelegramException.Kind;

/**
 * Telegram's errors (TDLib's {@code {"@type":"error","code":N,"message":"…"}}, the sandbox's
 * {@code {"error_code":N,"error_message":"…"}}) as {@link TelegramException}s of the right kind.
 */
public final class TelegramErrors {

    private static final Pattern RETRY_AFTER = Pattern.compile("(?:retry after |FLOOD_WAIT_)(\\d+)", Pattern.CASE_INSENSITIVE);

    private TelegramErrors() {
    }

    public static TelegramException of(String method, int code, String message) {
        String text = "Telegram " + method + " failed: " + code + " " + message;
        Matcher retry = RETRY_AFTER.matcher(message);
        if (code == 429 || code == 420 || retry.find()) {
            long seconds = retry.find(0) ? Long.parseLong(retry.group(1)) : 60;
            return TelegramException.floodWait(Duration.ofSeconds(seconds), text);
        }
        if (code == 401) {
            return new TelegramException(Kind.NOT_AUTHORIZED, code, "Userbot не авторизован: " + text);
        }
        if (code == 403 || message.contains("CHAT_ADMIN_REQUIRED") || message.contains("Have no rights")
                || message.contains("CHANNEL_PRIVATE") || message.contains("Not enough rights")) {
            return new TelegramException(Kind.NO_ACCESS, code, "Нет доступа к каналу: " + text);
        }
        if (code == 400 && message.contains("PHONE_CODE_EXPIRED")) {
            return new TelegramException(Kind.CODE_EXPIRED, code, text);
        }
        if (code == 400 && message.contains("PHONE_NUMBER_UNOCCUPIED")) {
            // What TDLib reports as authorizationStateWaitRegistration: the same failure whichever gateway.
            return new LoginBlockedException(LoginBlockedException.Need.REGISTRATION, text + " (the number has no Telegram account)");
        }
        if (code == 400 && message.contains("PHONE_NUMBER_")) {
            return new TelegramException(Kind.PHONE_INVALID, code, text);
        }
        if (code == 400 && (message.contains("PHONE_CODE") || message.contains("PASSWORD_HASH_INVALID"))) {
            return new TelegramException(Kind.WRONG_CODE, code, text);
        }
        if (code == 400 && (message.contains("not found") || message.contains("USERNAME_NOT_OCCUPIED")
                || message.contains("USERNAME_INVALID") || message.contains("CHANNEL_INVALID"))) {
            return new TelegramException(Kind.NOT_FOUND, code, text);
        }
        if (code == 400 || code == 404) {
            return new TelegramException(Kind.INVALID, code, text);
        }
        return new TelegramException(Kind.UNAVAILABLE, code, text);
    }
}
