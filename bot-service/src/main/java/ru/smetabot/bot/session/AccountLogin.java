package ru.smetabot.bot.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;

/**
 * The login steps for the user whose initData was verified: the account is always that user, and a
 * login started by one user is continued only by that user (the userbot's loginId is remembered with
 * its owner, in PostgreSQL: the next step may reach another bot instance). On success the chat gets the
 * confirmation.
 */
@Service
class AccountLogin {

    private static final Logger log = LoggerFactory.getLogger(AccountLogin.class);

    private final UserbotApi userbot;
    private final AccountNotices notices;
    private final LoginMetrics metrics;
    private final Clock clock;
    private final LoginOwners owners;

    AccountLogin(UserbotApi userbot, AccountNotices notices, LoginMetrics metrics, ObjectProvider<Clock> clock,
            LoginOwners owners) {
        this.owners = owners;
        this.userbot = userbot;
        this.notices = notices;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Where the login stands, for the page: {@code state} = code_required, password_required or ready. */
    record Progress(String state, String loginId, Instant expiresAt, String account) {
    }

    /** The phone as sent to the userbot: spaces, brackets and dashes dropped. */
    static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[\\s()-]", "");
    }

    static boolean plausiblePhone(String digits) {
        return digits.matches("\\+?[0-9]{7,15}");
    }

    Progress start(InitData user, String phone) {
        String digits = digits(phone);
        if (!plausiblePhone(digits)) {
            metrics.record(LoginStep.START, "phone_invalid");
            throw LoginRefused.of(400, "phone_invalid", false);
        }
        owners.forgetExpired(clock.instant());
        log.info("Mini App login: user {} asks for a code to {}", user.userId(), masked(digits));
        LoginResponse response = call(LoginStep.START, user,
                () -> userbot.startLogin(new LoginStartRequest(user.userId(), digits)));
        return proceed(LoginStep.START, user, response);
    }

    Progress code(InitData user, String loginId, String code) {
        requireOwner(LoginStep.CODE, user, loginId);
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("[0-9]{3,10}")) {
            metrics.record(LoginStep.CODE, "wrong_code");
            throw LoginRefused.of(400, "wrong_code", false);
        }
        return proceed(LoginStep.CODE, user, call(LoginStep.CODE, user,
                () -> userbot.submitCode(new LoginCodeRequest(loginId, digits))));
    }

    Progress password(InitData user, String loginId, String password) {
        requireOwner(LoginStep.PASSWORD, user, loginId);
        if (password == null || password.isEmpty() || password.length() > 256) {
            metrics.record(LoginStep.PASSWORD, "wrong_password");
            throw LoginRefused.of(400, "wrong_password", false);
        }
        return proceed(LoginStep.PASSWORD, user, call(LoginStep.PASSWORD, user,
                () -> userbot.submitPassword(new LoginPasswordRequest(loginId, password))));
    }

    private void requireOwner(LoginStep step, InitData user, String loginId) {
        LoginOwners.Owner owner = loginId == null ? null : owners.find(loginId).orElse(null);
        if (owner == null || !clock.instant().isBefore(owner.expiresAt())) {
            metrics.record(step, "login_expired");
            throw LoginRefused.of(410, "login_expired", true);
        }
        if (owner.userId() != user.userId()) {
            metrics.record(step, "not_your_login");
            log.warn("Mini App login: user {} tried to continue a login of user {}; refused", user.userId(), owner.userId());
            throw LoginRefused.of(403, "not_your_login", true);
        }
    }

    private LoginResponse call(LoginStep step, InitData user, Supplier<LoginResponse> request) {
        try {
            return request.get();
        } catch (UserbotException e) {
            LoginRefused refused = LoginFailures.of(step, e);
            metrics.record(step, refused.code());
            if ("session_unusable".equals(refused.code())) {
                log.error("Mini App login step {} for user {}: the userbot cannot open this account's stored session ({}); "
                        + "see GET /session/status on the userbot and its SESSION_ENCRYPTION_KEY", step.tag(), user.userId(), e.getMessage());
            } else if (refused.status() >= 500) {
                log.warn("Mini App login step {} for user {}: userbot unavailable ({}); check userbot-service and "
                        + "USERBOT_URL/USERBOT_API_TOKEN", step.tag(), user.userId(), e.getMessage());
            } else {
                log.info("Mini App login step {} for user {}: {} ({})", step.tag(), user.userId(), refused.code(), e.getMessage());
            }
            throw refused;
        }
    }

    private Progress proceed(LoginStep step, InitData user, LoginResponse response) {
        if (response.account() != user.userId()) {
            // The userbot must log in exactly the account asked for; anything else is a bug worth stopping at.
            metrics.record(step, "account_mismatch");
            log.error("Userbot answered login for account {} to a request for {}", response.account(), user.userId());
            throw LoginRefused.of(503, "unavailable", true);
        }
        String state = switch (response.state()) {
            case READY -> "ready";
            case CODE_REQUIRED -> "code_required";
            case PASSWORD_REQUIRED -> "password_required";
        };
        metrics.record(step, state);
        if (response.state() == LoginResponse.State.READY) {
            owners.forget(response.loginId());
            log.info("Mini App login: account {} connected", user.userId());
            notices.connected(user);
            return new Progress(state, null, null, user.displayName());
        }
        owners.remember(response.loginId(), user.userId(), response.expiresAt() == null
                ? clock.instant().plusSeconds(600) : response.expiresAt());
        return new Progress(state, response.loginId(), response.expiresAt(), null);
    }

    static Locale locale(InitData user) {
        return Texts.localeOf(user.languageCode());
    }

    /** "+7*******01": enough for an operator to tell attempts apart, not enough to be the number. */
    static String masked(String phone) {
        int keep = Math.min(2, phone.length());
        String head = phone.startsWith("+") ? "+" : "";
        return head + "*".repeat(Math.max(0, phone.length() - keep - head.length())) + phone.substring(phone.length() - keep);
    }
}
