package ru.smetabot.bot.session;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;

/**
 * What a userbot failure at a login step means for the person on the page, decided by the problem
 * {@code type} the userbot answered (one per cause, {@link UserbotProblems}), never by the detail's wording.
 */
final class LoginFailures {

    private static final Pattern TELEGRAM_ERROR = Pattern.compile("\\b[A-Z][A-Z0-9_]{4,}\\b");

    /** Refusals that do not depend on the step: problem type → what the page shows. */
    private static final Map<URI, LoginRefused> BY_TYPE = Map.ofEntries(
            Map.entry(UserbotProblems.CODE_EXPIRED, LoginRefused.of(410, "code_expired", true)),
            Map.entry(UserbotProblems.LOGIN_NOT_FOUND, LoginRefused.of(410, "login_expired", true)),
            Map.entry(UserbotProblems.LOGIN_CONFLICT, LoginRefused.of(409, "login_expired", true)),
            Map.entry(UserbotProblems.ALREADY_CONNECTED, LoginRefused.of(409, "already_connected", false)),
            Map.entry(UserbotProblems.OTHER_ACCOUNT, LoginRefused.of(409, "other_account", true)),
            Map.entry(UserbotProblems.LOGIN_EMAIL_REQUIRED, LoginRefused.of(422, "email_required", true)),
            Map.entry(UserbotProblems.LOGIN_EMAIL_CODE_REQUIRED, LoginRefused.of(422, "email_code_required", true)),
            Map.entry(UserbotProblems.LOGIN_OTHER_DEVICE_REQUIRED, LoginRefused.of(422, "other_device_required", true)),
            Map.entry(UserbotProblems.LOGIN_REGISTRATION_REQUIRED, LoginRefused.of(422, "registration_required", true)),
            Map.entry(UserbotProblems.LOGIN_PREMIUM_REQUIRED, LoginRefused.of(422, "premium_required", true)),
            Map.entry(UserbotProblems.SESSION_UNUSABLE, LoginRefused.of(503, "session_unusable", false)));

    private LoginFailures() {
    }

    static LoginRefused of(LoginStep step, UserbotException e) {
        if (e instanceof UserbotFloodWaitException flood) {
            return new LoginRefused(429, "flood_wait", false, Math.max(1, flood.retryAfter().toSeconds()), null);
        }
        LoginRefused known = e.problemType() == null ? null : BY_TYPE.get(e.problemType());
        if (known != null) {
            return known;
        }
        if (!(e instanceof UserbotRejectedException) || e.status() == 401) {
            return LoginRefused.of(503, "unavailable", false);
        }
        if (UserbotProblems.WRONG_CODE.equals(e.problemType())) {
            return LoginRefused.of(400, step == LoginStep.PASSWORD ? "wrong_password" : "wrong_code", false);
        }
        String telegramError = telegramError(e.getMessage());
        if (UserbotProblems.PHONE_INVALID.equals(e.problemType()) || step == LoginStep.START) {
            return new LoginRefused(400, "phone_invalid", step != LoginStep.START, 0, telegramError);
        }
        return new LoginRefused(400, "invalid", true, 0, telegramError);
    }

    /** Telegram's error name in the detail (e.g. PHONE_NUMBER_BANNED), only to show it; it decides nothing. */
    private static String telegramError(String detail) {
        Matcher m = TELEGRAM_ERROR.matcher(detail == null ? "" : detail);
        return m.find() ? m.group() : null;
    }
}
