package ru.smetabot.bot.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.smetabot.model.updates.ProcessedUpdates;
import ru.smetabot.model.updates.ProcessedUpdates.Due;

/**
 * Handles again what is due in {@code core.processed_updates}: updates whose handler failed (after their
 * pause), parked updates no lane took (the instance died before), taken ones whose handler died (lease over).
 * Every {@code smetabot.bot.update-retry-interval} (UPDATE_RETRY_INTERVAL, 15 s). Scheduling comes from
 * {@link UpdateClaimsCleanup}'s {@code @EnableScheduling}.
 */
@Component
public class UpdateRetries {

    private static final Logger log = LoggerFactory.getLogger(UpdateRetries.class);
    private static final int BATCH = 50;

    private final ProcessedUpdates processed;
    private final UpdateDispatcher dispatcher;
    private final MeterRegistry meters;

    UpdateRetries(ProcessedUpdates processed, UpdateDispatcher dispatcher, MeterRegistry meters) {
        this.processed = processed;
        this.dispatcher = dispatcher;
        this.meters = meters;
        meters.gauge("smetabot.bot.updates.open", processed, p -> {
            try {
                return p.open();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        });
    }

    @Scheduled(initialDelayString = "${smetabot.bot.update-retry-interval:PT15S}",
            fixedDelayString = "${smetabot.bot.update-retry-interval:PT15S}")
    void retryQuietly() {
        try {
            retryDue();
        } catch (RuntimeException e) {
            log.warn("Update retries: the database did not answer ({}); next run retries", e.toString());
        }
    }

    /** One pass; returns how many updates it handled again (whatever their outcome). */
    public int retryDue() {
        int done = 0;
        List<Due> due;
        while (!(due = processed.takeDue(BATCH)).isEmpty()) {
            for (Due one : due) {
                String outcome = dispatcher.redispatch(one);
                meters.counter("smetabot.bot.updates.retries", "type", one.key().updateType(), "outcome", outcome).increment();
                log.info("Update {} ({}) handled again, attempt {}: {}", one.key().updateId(), one.key().updateType(),
                        one.attempts(), outcome);
                done++;
            }
        }
        return done;
    }
}
