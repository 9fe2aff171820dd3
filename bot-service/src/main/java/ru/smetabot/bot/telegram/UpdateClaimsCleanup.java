package ru.smetabot.bot.telegram;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import ru.smetabot.model.updates.ProcessedUpdates;

/** Telegram keeps an update at most 24 h, so claimed update ids older than two days can go. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UpdateClaimsCleanup {

    private static final Logger log = LoggerFactory.getLogger(UpdateClaimsCleanup.class);

    private final ProcessedUpdates processed;

    UpdateClaimsCleanup(ProcessedUpdates processed) {
        this.processed = processed;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT6H")
    void forgetOldClaims() {
        int removed = processed.forgetOlderThan(Duration.ofDays(2));
        log.info("Forgot {} processed update ids older than 2 days", removed);
    }
}
