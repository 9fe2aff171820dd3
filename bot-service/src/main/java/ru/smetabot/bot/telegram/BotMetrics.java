package ru.smetabot.bot.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The bot's meters; every tag has a handful of values (never a user, chat or room id), so
 * Prometheus series stay few.
 */
@Component
public class BotMetrics {

    private final MeterRegistry registry;

    public BotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** outcome: handled, duplicate, ignored, failed. */
    public void update(UpdateKind kind, String outcome, Duration took) {
        registry.counter("smetabot.bot.updates", "type", kind.apiName(), "outcome", outcome).increment();
        Timer.builder("smetabot.bot.handler.latency").tag("type", kind.apiName()).register(registry).record(took);
    }

    /** outcome: handled, refused (not the owner or stale), malformed (not our codec), failed. */
    public void callback(String outcome) {
        registry.counter("smetabot.bot.callbacks", "outcome", outcome).increment();
    }

    /** code: Telegram's error_code, or "timeout" / "io". */
    public void apiError(String method, String code) {
        registry.counter("smetabot.bot.api.errors", "method", method, "code", code).increment();
    }

    /** outcome: ok, flood_wait, unavailable, rejected, timeout, failed. */
    public void refresh(String trigger, String outcome) {
        registry.counter("smetabot.bot.refresh", "trigger", trigger, "outcome", outcome).increment();
    }
}
