package ru.smetabot.bot.notifications;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Looks for due digests every DIGEST_CHECK_INTERVAL (a Spring {@link ThreadPoolTaskScheduler} started
 * and stopped with the context, like the join-request sweep). The first look comes one interval after
 * start, which is the catch-up after downtime. On stop a send under way finishes, so its row is marked.
 */
@Component
class DigestScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final Digests digests;
    private final DigestProperties properties;
    private ThreadPoolTaskScheduler scheduler;

    DigestScheduler(Digests digests, DigestProperties properties) {
        this.digests = digests;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (properties.checkInterval().isZero() || properties.checkInterval().isNegative()) {
            log.info("Digests: DIGEST_CHECK_INTERVAL is {}, so none are sent by this instance", properties.checkInterval());
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("digests-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(60);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::runQuietly, Instant.now().plus(properties.checkInterval()), properties.checkInterval());
        log.info("Digests: daily at {}, weekly on {} at {} ({}), checked every {}", properties.daily(),
                properties.weeklyDayOfWeek(), properties.weekly(), properties.timeZone(), properties.checkInterval());
    }

    private void runQuietly() {
        try {
            digests.runDue();
        } catch (RuntimeException e) {
            log.error("Digest run failed; the next one (in {}) retries", properties.checkInterval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
