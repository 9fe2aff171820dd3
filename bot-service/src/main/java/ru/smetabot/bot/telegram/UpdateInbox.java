package ru.smetabot.bot.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.bot.telegram.UpdateJson.Prepared;
import ru.smetabot.model.updates.ProcessedUpdates;
import ru.smetabot.model.updates.ProcessedUpdates.Key;

/**
 * Parks a getUpdates batch in {@code core.processed_updates} before the poller asks for the next one (which is
 * what confirms the batch to Telegram). While PostgreSQL is down this blocks the poller, retrying every few
 * seconds: Telegram keeps the unconfirmed updates (up to 24 h) and hands them again, so a chat_member join that
 * arrives during an outage is recorded after it instead of being lost. Each update is prepared here once
 * ({@link UpdateJson#prepare}); the lanes get it prepared ({@link UpdateDispatcher#dispatchParked}).
 * The webhook intake parks and takes in one statement ({@link #parkTaken}).
 */
@Component
class UpdateInbox {

    private static final Logger log = LoggerFactory.getLogger(UpdateInbox.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private final ProcessedUpdates processed;
    private final UpdateJson json;
    private final MeterRegistry meters;

    UpdateInbox(ProcessedUpdates processed, UpdateJson json, MeterRegistry meters) {
        this.processed = processed;
        this.json = json;
        this.meters = meters;
    }

    /**
     * The batch prepared ({@link UpdateJson#prepare}: cleaned and keyed, in the batch's order) once it is parked,
     * for the lanes to handle without preparing it again; empty when {@code running} turned false first (shutdown:
     * the batch stays unconfirmed and Telegram sends it again to the next start).
     */
    Optional<List<Prepared>> park(List<Update> batch, BooleanSupplier running) {
        List<Prepared> prepared = batch.stream().map(json::prepare).toList();
        List<Key> keys = prepared.stream().map(Prepared::key).toList();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                processed.park(keys);
                if (attempt > 1) {
                    log.info("Update batch of {} parked after {} attempts; the database answers again", keys.size(), attempt);
                }
                return Optional.of(prepared);
            } catch (RuntimeException e) {
                meters.counter("smetabot.bot.updates.park.failures").increment();
                if (attempt == 1 || attempt % 20 == 0) {
                    log.error("Cannot park {} updates (first id {}) in core.processed_updates: {}. Polling waits (Telegram "
                            + "keeps them) and retries; check PostgreSQL", keys.size(), keys.get(0).updateId(), e.toString());
                }
            }
            if (!running.getAsBoolean() || !pause(pause)) {
                log.warn("Stopping while {} updates were not parked; Telegram resends them to the next start", keys.size());
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** What became of one update the webhook intake parked. */
    enum Parked { TAKEN, TAKEN_BEFORE, NOT_PARKED }

    /**
     * Webhook mode: parks the update and takes it in one statement ({@link ProcessedUpdates#take}, which inserts
     * the row as taken, with its JSON): the handler runs right after on this thread, so unlike the poller's lanes
     * no update waits between the two. One attempt, no waiting: on failure the caller answers Telegram with an
     * error instead, and Telegram sends the update again on its own schedule.
     */
    Parked parkTaken(Prepared prepared) {
        Key key = prepared.key();
        try {
            return processed.take(key) ? Parked.TAKEN : Parked.TAKEN_BEFORE;
        } catch (RuntimeException e) {
            meters.counter("smetabot.bot.updates.park.failures").increment();
            log.error("Cannot park update {} in core.processed_updates: {}. Telegram is answered 503 and sends it again; "
                    + "check PostgreSQL", key.updateId(), e.toString());
            return Parked.NOT_PARKED;
        }
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
