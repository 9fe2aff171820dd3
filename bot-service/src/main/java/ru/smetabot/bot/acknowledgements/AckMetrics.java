package ru.smetabot.bot.acknowledgements;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code smetabot_bot_acknowledgements_total{outcome}} and {@code smetabot_bot_ack_reminders_total{outcome}}. */
@Component
class AckMetrics {

    private final MeterRegistry meters;

    AckMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** outcome: recorded, repeated, not_client, switched_off, unknown_post. */
    void press(String outcome) {
        meters.counter("smetabot.bot.acknowledgements", "outcome", outcome).increment();
    }

    /** outcome per client: sent, never_started, failed; per press: too_soon. */
    void reminder(String outcome, int count) {
        if (count > 0) {
            meters.counter("smetabot.bot.ack.reminders", "outcome", outcome).increment(count);
        }
    }
}
