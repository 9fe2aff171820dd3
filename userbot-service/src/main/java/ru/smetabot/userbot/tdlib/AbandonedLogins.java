package ru.smetabot.userbot.tdlib;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TdlibAccounts#expireAbandoned()} periodically (every tenth of USERBOT_LOGIN_TTL, 10 s to 1 min),
 * so an unfinished login's TDLib client and folder do not outlive it by much. A plain scheduled executor:
 * the service has no other scheduling and this is one fixed-rate job.
 */
final class AbandonedLogins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AbandonedLogins.class);

    private final ScheduledExecutorService timer;

    private AbandonedLogins(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static AbandonedLogins start(TdlibAccounts accounts, Duration loginTtl) {
        long every = Math.max(10, Math.min(60, loginTtl.toSeconds() / 10));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tdlib-abandoned-logins");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                accounts.expireAbandoned();
            } catch (RuntimeException e) {
                log.error("expiring abandoned logins failed; retried in {} s", every, e);
            }
        }, every, every, TimeUnit.SECONDS);
        return new AbandonedLogins(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
