package ru.smetabot.bot.reports;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Chart and export meters; tags are the kind and the outcome, never a room or a user. */
@Component
class ReportMetrics {

    private final MeterRegistry registry;

    ReportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** kind: chart, file_chart, files, members; outcome: sent, no_data, refused, telegram_error, failed. */
    void outcome(String kind, String outcome) {
        registry.counter("smetabot.bot.exports", "kind", kind, "outcome", outcome).increment();
    }

    /** How long preparing the picture or the CSV took (database and rendering, not the upload). */
    <T> T timeRendering(String kind, Supplier<T> work) {
        return Timer.builder("smetabot.bot.exports.render").tag("kind", kind).register(registry).record(work);
    }
}
