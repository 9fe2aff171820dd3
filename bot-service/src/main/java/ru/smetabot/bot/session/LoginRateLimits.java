package ru.smetabot.bot.session;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Mini App's login-start limits, one Resilience4j rate limiter per Telegram user and per phone number.
 * The limiters live in a map that forgets idle ones (all permits back) once it grows past
 * {@value #PRUNE_ABOVE} entries, so arbitrary phone numbers cannot grow it without bound.
 */
@Component
class LoginRateLimits {

    static final int PRUNE_ABOVE = 10_000;

    private final RateLimiterConfig perUser;
    private final RateLimiterConfig perPhone;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    LoginRateLimits(LoginLimits limits) {
        this.perUser = config(limits.startsPerUser(), limits.period());
        this.perPhone = config(limits.startsPerPhone(), limits.period());
    }

    private static RateLimiterConfig config(int permits, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
    }

    /** Takes a start for this user; empty when allowed, else the seconds until the next one is. */
    OptionalLong user(long userId) {
        return take("user:" + userId, perUser);
    }

    /** Takes a start for this phone (digits as sent to the userbot); empty when allowed, else the seconds to wait. */
    OptionalLong phone(String digits) {
        return take("phone:" + digits, perPhone);
    }

    private OptionalLong take(String key, RateLimiterConfig config) {
        if (limiters.size() > PRUNE_ABOVE) {
            limiters.values().removeIf(l -> l.getMetrics().getAvailablePermissions() >= l.getRateLimiterConfig().getLimitForPeriod());
        }
        RateLimiter limiter = limiters.computeIfAbsent(key, k -> new AtomicRateLimiter(k, config));
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : config.getLimitRefreshPeriod().toNanos();
        return OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1));
    }
}
