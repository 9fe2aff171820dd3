package ru.smetabot.bot.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Digest meters; tags are the kind and the outcome, never an owner. */
@Component
class DigestMetrics {

    private final MeterRegistry registry;

    DigestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** outcome: sent, failed (retried later or refused by Telegram), skipped (nothing to report), abandoned (died mid-send). */
    void digest(DigestKind kind, String outcome) {
        registry.counter("smetabot.bot.digests", "kind", kind.dbValue(), "outcome", outcome).increment();
    }
}
