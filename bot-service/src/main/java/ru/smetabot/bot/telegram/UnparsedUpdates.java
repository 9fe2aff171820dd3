package ru.smetabot.bot.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.smetabot.model.text.TelegramText;
import ru.smetabot.model.updates.ProcessedUpdates;

/** Keeps an update the client library could not parse ({@code core.unparsed_updates}), counts it and says so. */
@Component
class UnparsedUpdates {

    private static final Logger log = LoggerFactory.getLogger(UnparsedUpdates.class);

    private final ProcessedUpdates processed;
    private final MeterRegistry meters;

    UnparsedUpdates(ProcessedUpdates processed, MeterRegistry meters) {
        this.processed = processed;
        this.meters = meters;
    }

    void park(Long updateId, String rawJson, String error) {
        meters.counter("smetabot.bot.updates.unparsed").increment();
        String raw = TelegramText.clean(rawJson);
        try {
            processed.parkUnparsed(updateId, raw, error);
            log.warn("Update {} could not be parsed ({}); skipped, its JSON kept in core.unparsed_updates", updateId, error);
        } catch (RuntimeException e) {
            log.error("Update {} could not be parsed ({}) nor kept ({}); skipped. Its JSON: {}", updateId, error, e.toString(), raw);
        }
    }
}
