package ru.smetabot.userbot.lease;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.smetabot.userbot.gateway.TelegramGateway;

/**
 * The leases this instance holds. An account's session is opened here only after its lease is taken
 * ({@link #route}); every {@code USERBOT_LEASE_TTL/3} ({@link LeaseRenewals}) each lease is renewed, and one that cannot be (another instance
 * took it, or the database stayed unreachable until it expired) has its session closed here at once. A graceful stop
 * closes every session and releases every lease, so other instances take the accounts over without waiting.
 */
public class AccountLeases {

    private static final Logger log = LoggerFactory.getLogger(AccountLeases.class);

    private static final int RELEASE_WAIT_SECONDS = 5;

    private record Held(long fencingToken, long validUntilNanos) {
    }

    private final LeaseStore store;
    private final InstanceIdentity instance;
    private final InstanceProperties properties;
    private final TelegramGateway gateway;
    private final MeterRegistry meters;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public AccountLeases(LeaseStore store, InstanceIdentity instance, InstanceProperties properties,
            TelegramGateway gateway, MeterRegistry meters) {
        this.store = store;
        this.instance = instance;
        this.properties = properties;
        this.gateway = gateway;
        this.meters = meters;
        Gauge.builder("userbot.leases.held", held, Map::size).description("Accounts whose lease this instance holds")
                .register(meters);
    }

    /**
     * Where the account is served: here when this instance holds its lease or just took it (nobody held it, or the
     * holder's lease expired or was released: then the session is opened here first), else at the live holder.
     */
    public Route route(long account) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Held mine = held.get(account);
            if (mine != null) {
                return new Route.Local(account, mine.fencingToken());
            }
            synchronized (locks.computeIfAbsent(account, a -> new Object())) {
                mine = held.get(account);
                if (mine != null) {
                    return new Route.Local(account, mine.fencingToken());
                }
                Optional<LeaseStore.Acquired> got = store.acquire(account, instance.id(), instance.url(), properties.leaseTtl());
                if (got.isPresent()) {
                    return adopt(got.get());
                }
            }
            Optional<LeaseStore.Holder> holder = store.holder(account);
            if (holder.isPresent() && holder.get().live()) {
                return new Route.Remote(holder.get());
            }
            // The holder's lease ended between the two statements: try to take it again.
        }
        throw new IllegalStateException("account " + account + ": its lease changed hands three times in a row");
    }

    /** A request for the account starts here (call before {@link #route}): its lease is not given up meanwhile. */
    public void begin(long account) {
        inFlight.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
    }

    /** The request that called {@link #begin} ended. */
    public void end(long account) {
        AtomicInteger requests = inFlight.get(account);
        if (requests != null) {
            requests.decrementAndGet();
        }
    }

    /**
     * Gives up the leases of accounts this instance has no session or login of (a request for an unknown account, a
     * logout) while no request for them runs, so leases do not pile up.
     */
    public void releaseUnused() {
        List<Long> used = gateway.accounts();
        for (long account : held.keySet()) {
            if (used.contains(account)) {
                continue;
            }
            synchronized (locks.computeIfAbsent(account, a -> new Object())) {
                Held lease = held.remove(account);
                AtomicInteger requests = inFlight.get(account);
                if (lease == null) {
                    continue;
                }
                if (requests != null && requests.get() > 0) {
                    held.put(account, lease); // a request began meanwhile: it keeps the lease
                    continue;
                }
                store.release(account, instance.id(), lease.fencingToken());
                count("released");
                log.info("account {}: lease released by instance {}: no session or login of it here", account, instance.id());
            }
        }
    }

    /**
     * Takes the leases of stored sessions nobody holds (those of an instance that crashed or stopped) and opens them
     * here, without waiting for a request for them. Runs at start and in every renewal round.
     */
    public void adoptOrphans() {
        Set<Long> live = new java.util.HashSet<>();
        store.live().forEach(holder -> live.add(holder.account()));
        for (long account : gateway.stored()) {
            if (!held.containsKey(account) && !live.contains(account)) {
                try {
                    route(account);
                } catch (RuntimeException e) {
                    log.error("account {}: could not take its lease or open its session: {}", account, e.toString());
                }
            }
        }
    }

    /** Whether this instance holds the account's lease now. */
    public boolean holds(long account) {
        return held.containsKey(account);
    }

    /** Accounts whose lease this instance holds. */
    public Set<Long> held() {
        return new TreeSet<>(held.keySet());
    }

    public InstanceIdentity instance() {
        return instance;
    }

    private Route adopt(LeaseStore.Acquired lease) {
        long account = lease.account();
        try {
            gateway.open(account);
        } catch (RuntimeException e) {
            store.release(account, instance.id(), lease.fencingToken());
            throw e;
        }
        held.put(account, new Held(lease.fencingToken(), validUntil()));
        String previous = lease.previousHolder();
        if (previous == null || previous.equals(instance.id())) {
            count("acquired");
            log.info("account {}: lease acquired by instance {} (fencing token {})", account, instance.id(), lease.fencingToken());
        } else {
            count("taken_over");
            log.warn("account {}: taken over by instance {} from instance {}, whose lease {} (fencing token now {})", account,
                    instance.id(), previous, lease.previousReleased() ? "it released on stopping" : "expired: it stopped "
                    + "renewing (crashed, paused or lost the database); check that instance's log", lease.fencingToken());
        }
        return new Route.Local(account, lease.fencingToken());
    }

    /** Renews every lease held; closes the session of each one that is lost. Runs every USERBOT_LEASE_TTL/3 ({@link LeaseRenewals}). */
    public void renewAll() {
        for (Map.Entry<Long, Held> entry : held.entrySet()) {
            long account = entry.getKey();
            Held lease = entry.getValue();
            long validUntil = validUntil(); // counted from before the statement: the database's expiry is later
            try {
                if (store.renew(account, instance.id(), lease.fencingToken(), properties.leaseTtl())) {
                    held.replace(account, lease, new Held(lease.fencingToken(), validUntil));
                    count("renewed");
                } else {
                    lost(account, lease, "another instance holds it now (" + store.holder(account)
                            .map(h -> h.instanceId() + ", fencing token " + h.fencingToken()).orElse("none") + ")");
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() - lease.validUntilNanos() >= 0) {
                    lost(account, lease, "it could not be renewed before it expired (" + e.getMessage() + ")");
                } else {
                    log.warn("account {}: renewing its lease failed ({}); retried in {} ms, the session closes here if it "
                            + "still fails when the lease expires: check the database", account, e.toString(),
                            properties.renewEvery().toMillis());
                }
            }
        }
    }

    private void lost(long account, Held lease, String why) {
        if (!held.remove(account, lease)) {
            return;
        }
        closeQuietly(account);
        count("lost");
        log.error("account {}: lease lost by instance {}: {}; its session is closed here and its requests go to the holder. "
                + "Repeated losses mean this instance pauses longer than USERBOT_LEASE_TTL ({}) or loses the database",
                account, instance.id(), why, properties.leaseTtl());
    }

    private void closeQuietly(long account) {
        try {
            gateway.close(account);
        } catch (RuntimeException e) {
            log.warn("account {}: closing its session failed: {}", account, e.toString());
        }
    }

    /**
     * Closes every session and releases every lease (graceful stop): others take the accounts over at once. The
     * releases get at most {@value #RELEASE_WAIT_SECONDS} s in all (a database already gone would otherwise hold the
     * stop for the pool's connection timeout); leases not released then simply expire.
     */
    public void releaseAll() {
        Map<Long, Long> tokens = new java.util.TreeMap<>();
        for (long account : List.copyOf(held.keySet())) {
            Held lease = held.remove(account);
            if (lease != null) {
                closeQuietly(account);
                tokens.put(account, lease.fencingToken());
            }
        }
        if (tokens.isEmpty()) {
            return;
        }
        java.util.concurrent.CompletableFuture<Integer> released = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            int done = 0;
            for (Map.Entry<Long, Long> lease : tokens.entrySet()) {
                if (store.release(lease.getKey(), instance.id(), lease.getValue())) {
                    count("released");
                    done++;
                }
            }
            return done;
        });
        try {
            log.info("instance {} stopped: {} of {} lease(s) released, their accounts move to the other instances at once",
                    instance.id(), released.get(RELEASE_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS), tokens.size());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("instance {} stopped without releasing its leases of accounts {} ({}): other instances take them over "
                    + "when they expire (USERBOT_LEASE_TTL {})", instance.id(), tokens.keySet(), e.toString(), properties.leaseTtl());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long validUntil() {
        return System.nanoTime() + properties.leaseTtl().toNanos();
    }

    private void count(String event) {
        Counter.builder("userbot.leases").description("Account lease events").tag("event", event).register(meters).increment();
    }
}
