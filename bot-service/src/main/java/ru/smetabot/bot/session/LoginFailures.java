package ru.smetabot.bot.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;

/** What a userbot failure at a login step means for the person on the page. */
final class LoginFailures {

    private static final Pattern TELEGRAM_ERROR = Pattern.compile("\\b[A-Z][A-Z0-9_]{4,}\\b");

    private LoginFailures() {
    }

    static LoginRefused of(LoginStep step, UserbotException e) {
        if (e instanceof UserbotFloodWaitException flood) {
            return new LoginRefused(429, "flood_wait", false, Math.max(1, flood.retryAfter().toSeconds()), null);
        }
        if (!(e instanceof UserbotRejectedException) || e.status() == 401) {
            return LoginRefused.of(503, "unavailable", false);
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (UserbotProblems.WRONG_CODE.equals(e.problemType())) {
            if (detail.contains("EXPIRED")) {
                return LoginRefused.of(410, "code_expired", true);
            }
            return LoginRefused.of(400, step == LoginStep.PASSWORD ? "wrong_password" : "wrong_code", false);
        }
        if (UserbotProblems.LOGIN_NOT_FOUND.equals(e.problemType())) {
            return LoginRefused.of(410, "login_expired", true);
        }
        if (UserbotProblems.LOGIN_CONFLICT.equals(e.problemType())) {
            if (detail.contains("already connected")) {
                return LoginRefused.of(409, "already_connected", false);
            }
            return LoginRefused.of(409, detail.contains("belongs to") ? "other_account" : "login_expired", true);
        }
        if (step == LoginStep.START) {
            return new LoginRefused(400, "phone_invalid", false, 0, telegramError(detail));
        }
        return new LoginRefused(400, "invalid", true, 0, telegramError(detail));
    }

    private static String telegramError(String detail) {
        Matcher m = TELEGRAM_ERROR.matcher(detail);
        return m.find() ? m.group() : null;
    }
}
