package ru.smetabot.userbot.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ru.smetabot.userbot.UserbotProperties;
import ru.smetabot.userbot.gateway.TelegramCalls;
import ru.smetabot.userbot.gateway.TelegramGateway;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;
import ru.smetabot.userbot.web.ApiProblem;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.UserbotProblems;

/**
 * Logins. An attempt is bound to the account it was started for and is addressed by an
 * unguessable id; it expires after USERBOT_LOGIN_TTL. Attempts live in PostgreSQL ({@link LoginAttempts}): a
 * step reaching any instance is served by the instance holding the account's lease. A connected account is never replaced
 * (log it out first), and a login that ends as a different Telegram user is discarded.
 */
@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TelegramGateway gateway;
    private final TelegramCalls calls;
    private final UserbotProperties properties;
    private final Clock clock;
    private final LoginAttempts attempts;

    LoginService(TelegramGateway gateway, TelegramCalls calls, UserbotProperties properties, Clock clock,
            LoginAttempts attempts) {
        this.attempts = attempts;
        this.gateway = gateway;
        this.calls = calls;
        this.properties = properties;
        this.clock = clock;
    }

    LoginResponse start(long account, String phone) {
        attempts.removeExpired(clock.instant());
        if (gateway.authState(account).authorized()) {
            throw new ApiProblem(HttpStatus.CONFLICT, UserbotProblems.ALREADY_CONNECTED, "account " + account
                    + " is already connected; log it out first (POST /session/logout) to connect it again");
        }
        // A new start replaces only this account's own unfinished attempt.
        attempts.removeAccount(account);
        LoginStep step = calls.call("login.start", account, () -> gateway.startLogin(account, phone));
        String loginId = newLoginId();
        return proceed(new LoginAttempt(loginId, account, step, clock.instant().plus(properties.loginTtl())), step);
    }

    LoginResponse code(String loginId, String code) {
        LoginAttempt attempt = live(loginId, LoginStep.CODE_REQUIRED);
        return proceed(attempt, calls.call("login.code", attempt.account(), () -> gateway.submitCode(attempt.account(), code)));
    }

    LoginResponse password(String loginId, String password) {
        LoginAttempt attempt = live(loginId, LoginStep.PASSWORD_REQUIRED);
        return proceed(attempt, calls.call("login.password", attempt.account(), () -> gateway.submitPassword(attempt.account(), password)));
    }

    private LoginAttempt live(String loginId, LoginStep expected) {
        LoginAttempt attempt = attempts.find(loginId).orElse(null);
        if (attempt == null || attempt.expired(clock.instant())) {
            if (attempt != null) {
                attempts.remove(loginId);
            }
            throw new ApiProblem(HttpStatus.NOT_FOUND, UserbotProblems.LOGIN_NOT_FOUND,
                    "no such login, or it expired (logins last " + properties.loginTtl().toMinutes() + " min): start again");
        }
        if (attempt.step() != expected) {
            throw new ApiProblem(HttpStatus.CONFLICT, UserbotProblems.LOGIN_CONFLICT,
                    "this login expects " + attempt.step().name().toLowerCase() + ", not " + expected.name().toLowerCase());
        }
        return attempt;
    }

    private LoginResponse proceed(LoginAttempt attempt, LoginStep step) {
        if (step != LoginStep.READY) {
            LoginAttempt next = attempt.next(step);
            attempts.save(next, clock.instant());
            return new LoginResponse(next.loginId(), state(step), next.account(), next.expiresAt());
        }
        attempts.remove(attempt.loginId());
        long user = calls.call("getMe", attempt.account(), () -> gateway.currentUserId(attempt.account()));
        if (user != attempt.account()) {
            calls.run("logout", attempt.account(), () -> gateway.logout(attempt.account()));
            log.warn("login for account {} ended as Telegram user {}: session discarded", attempt.account(), user);
            throw new ApiProblem(HttpStatus.CONFLICT, UserbotProblems.OTHER_ACCOUNT, "this phone belongs to Telegram user "
                    + user + ", not to account " + attempt.account() + "; the session was discarded");
        }
        log.info("account {} connected", attempt.account());
        return new LoginResponse(attempt.loginId(), LoginResponse.State.READY, attempt.account(), null);
    }

    private static LoginResponse.State state(LoginStep step) {
        return switch (step) {
            case READY -> LoginResponse.State.READY;
            case CODE_REQUIRED -> LoginResponse.State.CODE_REQUIRED;
            case PASSWORD_REQUIRED -> LoginResponse.State.PASSWORD_REQUIRED;
        };
    }

    private static String newLoginId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
