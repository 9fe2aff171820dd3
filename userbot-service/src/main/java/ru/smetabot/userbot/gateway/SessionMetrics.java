package ru.smetabot.userbot.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code userbot.sessions{authorized=true|false}}: how many connected accounts can work now. */
@Component
class SessionMetrics {

    SessionMetrics(MeterRegistry registry, TelegramGateway gateway) {
        Gauge.builder("userbot.sessions", gateway, g -> count(g, true)).tag("authorized", "true").register(registry);
        Gauge.builder("userbot.sessions", gateway, g -> count(g, false)).tag("authorized", "false").register(registry);
    }

    private static double count(TelegramGateway gateway, boolean authorized) {
        return gateway.accounts().stream().filter(a -> gateway.authState(a).authorized() == authorized).count();
    }
}
