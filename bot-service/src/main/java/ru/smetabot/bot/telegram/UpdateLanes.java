package ru.smetabot.bot.telegram;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many ordered lanes over a few threads. A key (a user, or a chat) always goes to the same lane, and a lane runs
 * one task at a time in order, so a user's updates keep their order. Unlike one single-thread executor per thread,
 * a lane holds no thread while it is empty: any free thread takes the next lane with work, so a slow screen for
 * one user delays only the users sharing its lane (with {@link #LANES} lanes, ~0.4 of another user per lane for
 * 100 busy users) instead of the ~12 users that shared each of 8 threads. Hand-written (about 60 lines) because
 * the JDK has no keyed serial executor and Guava's SequentialExecutor would add a dependency for this one use.
 */
final class UpdateLanes {

    static final int LANES = 256;
    /** A lane gives its thread back after this many tasks, so a busy lane cannot starve the others. */
    private static final int BATCH = 8;
    private static final Logger log = LoggerFactory.getLogger(UpdateLanes.class);

    private final ExecutorService threads;
    private final Lane[] lanes = new Lane[LANES];

    UpdateLanes(int threadCount) {
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> new Thread(r, "bot-updates-" + n.getAndIncrement()));
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** Queues the task on the key's lane; throws RejectedExecutionException once shut down. */
    void execute(long key, Runnable task) {
        lanes[Math.floorMod(Long.hashCode(key * 0x9E3779B97F4A7C15L), LANES)].add(task);
    }

    /** Takes no more work, runs what is queued; false when that did not finish within the timeout. */
    boolean shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        threads.shutdown();
        return threads.awaitTermination(timeout, unit);
    }

    void shutdownNow() {
        threads.shutdownNow();
    }

    private final class Lane implements Runnable {

        private final Queue<Runnable> queue = new ArrayDeque<>();
        private boolean scheduled;

        synchronized void add(Runnable task) {
            queue.add(task);
            if (!scheduled) {
                try {
                    threads.execute(this);
                    scheduled = true;
                } catch (RejectedExecutionException e) {
                    queue.remove(task);
                    throw e;
                }
            }
        }

        @Override
        public void run() {
            for (int done = 0; done < BATCH; done++) {
                Runnable task = next();
                if (task == null) {
                    return;
                }
                runSafely(task);
            }
            synchronized (this) {
                if (queue.isEmpty()) {
                    scheduled = false;
                    return;
                }
                try {
                    threads.execute(this); // to the back of the threads' queue: the other lanes get their turn
                    return;
                } catch (RejectedExecutionException shuttingDown) {
                    // fall through: finish this lane here rather than drop what it holds
                }
            }
            for (Runnable task = next(); task != null; task = next()) {
                runSafely(task);
            }
        }

        /** The next task, or null after marking the lane idle (under the lock, so add() reschedules it). */
        private synchronized Runnable next() {
            Runnable task = queue.poll();
            if (task == null) {
                scheduled = false;
            }
            return task;
        }

        private void runSafely(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("An update task failed outside its handler: {}", e.toString(), e);
            }
        }
    }
}
