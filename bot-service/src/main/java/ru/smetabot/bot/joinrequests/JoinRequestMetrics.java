package ru.smetabot.bot.joinrequests;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Join-request meters; tags are the outcome and the source, never a room or a user. */
@Component
class JoinRequestMetrics {

    private final MeterRegistry registry;

    JoinRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** outcome: approved, declined_{reason}, not_admitted, duplicate, unknown_room, unknown_link, failed. */
    void handled(JoinRequest.Source source, String outcome) {
        registry.counter("smetabot.join_requests", "source", tag(source), "outcome", outcome).increment();
    }

    void approvalLatency(JoinRequest.Source source, Duration latency) {
        Timer.builder("smetabot.join_requests.approval.latency").tag("source", tag(source))
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** A join decision left open, completed by the reconciliation; outcome: approved, declined, not_admitted, duplicate, failed. */
    void reconciled(String outcome) {
        registry.counter("smetabot.join_requests.reconciled", "outcome", outcome).increment();
    }

    /** outcome: ok, failed. */
    void sweepRun(String outcome, int found) {
        registry.counter("smetabot.join_requests.sweep.runs", "outcome", outcome).increment();
        registry.counter("smetabot.join_requests.sweep.found").increment(found);
    }

    private static String tag(JoinRequest.Source source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
