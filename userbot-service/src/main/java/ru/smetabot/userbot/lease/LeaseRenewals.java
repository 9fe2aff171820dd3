package ru.smetabot.userbot.lease;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The leases' life with the application: at start the stored sessions nobody holds are taken and opened here and the
 * renewal round (every USERBOT_LEASE_TTL/3: renew, give up unused leases, take over orphaned sessions) begins; at a graceful stop every session is closed and every lease
 * released. Runs after the web server started (its port is this instance's URL) and stops after the requests in
 * flight drained, before the web server stops.
 */
public class LeaseRenewals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewals.class);

    private final AccountLeases leases;
    private final InstanceProperties properties;
    private volatile ScheduledExecutorService renewals;

    public LeaseRenewals(AccountLeases leases, InstanceProperties properties) {
        this.leases = leases;
        this.properties = properties;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "userbot-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.renewEvery().toMillis();
        executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        renewals = executor;
        leases.adoptOrphans();
        log.info("instance {} ({}) holds the leases of accounts {} (lease TTL {}, renewed every {} ms)",
                leases.instance().id(), leases.instance().url(), leases.held(), properties.leaseTtl(), every);
    }

    private void round() {
        try {
            leases.renewAll();
            leases.releaseUnused();
            leases.adoptOrphans();
        } catch (RuntimeException e) {
            log.error("lease renewal round failed; the next one runs in {} ms", properties.renewEvery().toMillis(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = renewals;
        renewals = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        leases.releaseAll();
    }

    @Override
    public boolean isRunning() {
        return renewals != null;
    }

    /** Web server start/stop is DEFAULT_PHASE - 2048, its graceful drain DEFAULT_PHASE - 1024: this runs in between. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }
}
