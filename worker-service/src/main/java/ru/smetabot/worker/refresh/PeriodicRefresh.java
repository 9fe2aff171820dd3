package ru.smetabot.worker.refresh;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import ru.smetabot.views.RefreshRuns;
import ru.smetabot.views.RefreshSummary;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.UnknownRoomException;
import ru.smetabot.views.ViewsRefresher;
import ru.smetabot.worker.WorkerProperties;

/**
 * One cycle of the periodic refresh: every room that is due (live posts, not in back-off),
 * REFRESH_CONCURRENCY rooms at a time. Runs inside the clustered, non-concurrent periodic job, so
 * one cycle runs at a time across all workers.
 */
@Service
class PeriodicRefresh {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRefresh.class);
    private static final Duration HISTORY = Duration.ofDays(30);
    private static final AtomicInteger threads = new AtomicInteger();

    private final ViewsRefresher refresher;
    private final RefreshRuns runs;
    private final RefreshMetrics metrics;
    private final WorkerProperties properties;
    private final Clock clock;

    PeriodicRefresh(ViewsRefresher refresher, RefreshRuns runs, RefreshMetrics metrics, WorkerProperties properties,
            ObjectProvider<Clock> clock) {
        this.refresher = refresher;
        this.runs = runs;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a cycle did: rooms due, refreshed, failed, and not started (back-off, busy, gone). */
    record CycleSummary(String cycleId, int due, int refreshed, int failed, int skipped, Duration duration) {
    }

    CycleSummary runCycle(String cycleId) throws InterruptedException {
        long start = System.nanoTime();
        List<Long> due = runs.roomsDue();
        AtomicInteger refreshed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger backedOff = new AtomicInteger();
        log.info("views refresh cycle {} started: {} rooms due, {} at a time", cycleId, due.size(),
                properties.refreshConcurrency());
        if (!due.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(due.size(), properties.refreshConcurrency()),
                    task -> new Thread(task, "views-refresh-" + threads.incrementAndGet()));
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Long roomId : due) {
                    futures.add(pool.submit(() -> refreshOne(roomId, cycleId, refreshed, failed, skipped, backedOff)));
                }
                for (Future<?> future : futures) {
                    await(future);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (succeeded(due.size(), refreshed.get(), failed.get(), backedOff.get())) {
            metrics.periodicCycleCompleted(clock.instant(), took, refreshed.get() > 0);
        }
        int purged = runs.purgeFinishedBefore(clock.instant().minus(HISTORY));
        log.info("views refresh cycle {} done in {} ms: due={} refreshed={} failed={} skipped={} (old runs purged: {})",
                cycleId, took.toMillis(), due.size(), refreshed.get(), failed.get(), skipped.get(), purged);
        return new CycleSummary(cycleId, due.size(), refreshed.get(), failed.get(), skipped.get(), took);
    }

    /**
     * Whether a cycle counts as a success for the "refresh has not succeeded for 1 h" alert: it refreshed a
     * room, or had nothing to do. A cycle whose every due room failed or rested in back-off (a long flood
     * wait, say) refreshed nothing, so it must not move the last-success time.
     */
    static boolean succeeded(int due, int refreshed, int failed, int backedOff) {
        return due == 0 || refreshed > 0 || (failed == 0 && backedOff == 0);
    }

    private void refreshOne(long roomId, String cycleId, AtomicInteger refreshed, AtomicInteger failed,
            AtomicInteger skipped, AtomicInteger backedOff) {
        try {
            RefreshSummary summary = refresher.refreshViewsForRoom(roomId, RefreshTrigger.periodic(cycleId));
            metrics.record(RefreshTrigger.Kind.PERIODIC, summary);
            switch (summary.outcome()) {
                case REFRESHED -> refreshed.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
                case BACKED_OFF -> {
                    backedOff.incrementAndGet();
                    skipped.incrementAndGet();
                }
                default -> skipped.incrementAndGet();
            }
        } catch (UnknownRoomException e) {
            skipped.incrementAndGet();
            log.info("views refresh cycle {}: {}", cycleId, e.getMessage());
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.error("views refresh cycle {}: room={} failed unexpectedly", cycleId, roomId, e);
        }
    }

    private static void await(Future<?> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            log.error("views refresh task failed", e.getCause());
        }
    }
}
