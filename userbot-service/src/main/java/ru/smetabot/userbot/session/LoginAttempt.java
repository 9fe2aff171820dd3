package ru.smetabot.userbot.session;

import java.time.Instant;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;

/** A login in progress: it belongs to one account and expires. */
record LoginAttempt(String loginId, long account, LoginStep step, Instant expiresAt) {

    LoginAttempt next(LoginStep nextStep) {
        return new LoginAttempt(loginId, account, nextStep, expiresAt);
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
