package ru.smetabot.bot.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the Mini App may ask Telegram for a login code (each start sends one through our application id).
 *
 * @param startsPerUser  BOT_LOGIN_STARTS_PER_USER: code requests one Telegram user may make per period (default 5)
 * @param startsPerPhone BOT_LOGIN_STARTS_PER_PHONE: code requests to one phone number per period, whoever asks (default 3)
 * @param period         BOT_LOGIN_LIMIT_PERIOD: the period (default 10m)
 */
@ConfigurationProperties("smetabot.bot.login-limits")
public record LoginLimits(Integer startsPerUser, Integer startsPerPhone, Duration period) {

    public LoginLimits {
        startsPerUser = startsPerUser == null ? 5 : startsPerUser;
        startsPerPhone = startsPerPhone == null ? 3 : startsPerPhone;
        period = period == null ? Duration.ofMinutes(10) : period;
        if (startsPerUser < 1 || startsPerPhone < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("BOT_LOGIN_STARTS_PER_USER and BOT_LOGIN_STARTS_PER_PHONE must be at least 1 "
                    + "and BOT_LOGIN_LIMIT_PERIOD positive");
        }
    }
}
