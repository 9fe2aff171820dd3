package ru.smetabot.bot.telegram;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import ru.smetabot.bot.jobs.OncePerPeriod;
import ru.smetabot.model.updates.ProcessedUpdates;

/** Telegram keeps an update at most 24 h, so claimed update ids older than two days can go. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UpdateClaimsCleanup {

    private static final Logger log = LoggerFactory.getLogger(UpdateClaimsCleanup.class);

    private static final Duration PERIOD = Duration.ofHours(6);

    private final ProcessedUpdates processed;
    private final OncePerPeriod jobs;

    UpdateClaimsCleanup(ProcessedUpdates processed, OncePerPeriod jobs) {
        this.processed = processed;
        this.jobs = jobs;
    }

    /** On one instance per period ({@link OncePerPeriod}). */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT6H")
    void forgetOldClaims() {
        jobs.run("update-claims-cleanup", PERIOD, () -> processed.forgetOlderThan(Duration.ofDays(2)))
                .ifPresent(removed -> log.info("Forgot {} processed update ids older than 2 days", removed));
    }
}
