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
import ru.smetabot.views.BatchRefresher;
import ru.smetabot.views.BatchRefresher.BatchResult;
import ru.smetabot.views.RefreshRuns;
import ru.smetabot.views.RefreshSummary;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.worker.WorkerProperties;

/**
 * One cycle of the periodic refresh: every room that is due (live posts, not in back-off), in batches
 * ({@link BatchRefresher}: one statement per step for the whole batch), REFRESH_CONCURRENCY batches at a time. Runs inside the clustered, non-concurrent periodic job, so
 * one cycle runs at a time across all workers.
 */
@Service
class PeriodicRefresh {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRefresh.class);
    private static final Duration HISTORY = Duration.ofDays(30);
    private static final AtomicInteger threads = new AtomicInteger();

    /** Rooms per batch: ~50 x a few hundred posts keeps one batch's write statement at ~10 000 rows. */
    static final int ROOMS_PER_BATCH = 50;

    private final BatchRefresher refresher;
    private final RefreshRuns runs;
    private final RefreshMetrics metrics;
    private final WorkerProperties properties;
    private final Clock clock;

    PeriodicRefresh(BatchRefresher refresher, RefreshRuns runs, RefreshMetrics metrics, WorkerProperties properties,
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
                for (List<Long> batch : batches(due, properties.refreshConcurrency())) {
                    futures.add(pool.submit(() -> refreshBatch(batch, cycleId, refreshed, failed, skipped, backedOff)));
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

    /**
     * The due rooms in batches of at most {@link #ROOMS_PER_BATCH}, and at least as many batches as rooms are
     * refreshed at a time, so every lane has work: each batch costs a handful of statements, not a handful per room.
     */
    static List<List<Long>> batches(List<Long> due, int concurrency) {
        int size = Math.max(1, Math.min(ROOMS_PER_BATCH, (due.size() + concurrency - 1) / concurrency));
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < due.size(); from += size) {
            batches.add(List.copyOf(due.subList(from, Math.min(due.size(), from + size))));
        }
        return batches;
    }

    private void refreshBatch(List<Long> roomIds, String cycleId, AtomicInteger refreshed, AtomicInteger failed,
            AtomicInteger skipped, AtomicInteger backedOff) {
        try {
            BatchResult result = refresher.refresh(roomIds, RefreshTrigger.periodic(cycleId));
            skipped.addAndGet(result.unknown().size());
            if (!result.unknown().isEmpty()) {
                log.info("views refresh cycle {}: rooms {} are gone or deactivated", cycleId, result.unknown());
            }
            for (RefreshSummary summary : result.summaries()) {
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
            }
        } catch (RuntimeException e) {
            failed.addAndGet(roomIds.size());
            log.error("views refresh cycle {}: a batch of {} rooms ({}..{}) failed unexpectedly", cycleId,
                    roomIds.size(), roomIds.get(0), roomIds.get(roomIds.size() - 1), e);
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
