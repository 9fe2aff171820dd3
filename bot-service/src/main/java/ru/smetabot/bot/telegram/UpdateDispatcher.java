package ru.smetabot.bot.telegram;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.model.updates.ProcessedUpdates;

/**
 * Hands each update to the handler of its kind, once: the update_id is claimed in the database
 * first, so a redelivered update (Telegram acknowledges batches before we process them) is skipped.
 * A failing handler is logged and counted; it never reaches the poller.
 */
@Component
public class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final Map<UpdateKind, UpdateHandler> handlers = new EnumMap<>(UpdateKind.class);
    private final ProcessedUpdates processed;
    private final BotMetrics metrics;

    public UpdateDispatcher(List<UpdateHandler> handlers, ProcessedUpdates processed, BotMetrics metrics) {
        for (UpdateHandler handler : handlers) {
            UpdateHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + handler.kind() + ": " + previous + ", " + handler);
            }
        }
        this.processed = processed;
        this.metrics = metrics;
    }

    public void dispatch(Update update) {
        UpdateKind kind = UpdateKind.of(update);
        long started = System.nanoTime();
        String outcome = "handled";
        try {
            UpdateHandler handler = handlers.get(kind);
            if (handler == null) {
                outcome = "ignored";
                log.debug("Update {} of type {} has no handler; ignored", update.getUpdateId(), kind.apiName());
            } else if (!processed.claim(update.getUpdateId(), kind.apiName())) {
                outcome = "duplicate";
                log.info("Update {} ({}) was already handled; skipped the redelivery", update.getUpdateId(), kind.apiName());
            } else {
                handler.handle(update);
            }
        } catch (RuntimeException e) {
            outcome = "failed";
            log.error("Update {} ({}) failed; the poller goes on. Cause: {}", update.getUpdateId(), kind.apiName(), e.toString(), e);
        } finally {
            metrics.update(kind, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
