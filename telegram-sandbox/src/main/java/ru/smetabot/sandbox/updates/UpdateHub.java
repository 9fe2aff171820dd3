package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.IdCeilings;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.StoredPart;

/**
 * Routes emitted updates to the queue of each bot and serves getUpdates from it (updates expire after 24 h).
 * With a data directory the queues (next update id, allowed_updates, pending updates) are saved with the world,
 * so update ids continue after a restart as Telegram's do.
 */
@Component
public class UpdateHub implements StoredPart<UpdateHub.SavedQueues> {

    /** Every bot's queue as saved. */
    public record SavedQueues(Map<Long, UpdateQueue.Saved> queues) {
    }

    private final Map<Long, UpdateQueue> queues = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final IdCeilings ceilings;
    private final AtomicLong changes = new AtomicLong();

    /** A hub on the real clock with update ids kept in memory only (unit tests). */
    public UpdateHub() {
        this(new SandboxClock(), IdCeilings.inMemory());
    }

    @Autowired
    public UpdateHub(SandboxClock clock, IdCeilings ceilings) {
        this.clock = clock;
        this.ceilings = ceilings;
    }

    public void publish(long botId, String type, Map<String, Object> payload) {
        changes.incrementAndGet();
        queue(botId).publish(type, payload, clock.now());
    }

    public void poll(long botId, long offset, int limit, List<String> allowedUpdates, boolean mayWait,
                     UpdateWaiter waiter) {
        changes.incrementAndGet();
        queue(botId).poll(offset, Math.max(1, Math.min(limit, 100)), allowedUpdates, mayWait, waiter, clock.now());
    }

    public void cancel(long botId, UpdateWaiter waiter) {
        queue(botId).cancel(waiter);
    }

    public int pendingCount(long botId) {
        return queue(botId).size();
    }

    public void reset() {
        changes.incrementAndGet();
        queues.clear();
    }

    @Override
    public String key() {
        return "updates";
    }

    @Override
    public Class<SavedQueues> type() {
        return SavedQueues.class;
    }

    @Override
    public long changes() {
        return changes.get();
    }

    @Override
    public SavedQueues save() {
        Map<Long, UpdateQueue.Saved> saved = new TreeMap<>();
        queues.forEach((botId, queue) -> saved.put(botId, queue.save()));
        return new SavedQueues(saved);
    }

    @Override
    public void load(SavedQueues saved) {
        queues.clear();
        if (saved.queues() != null) {
            saved.queues().forEach((botId, queue) -> queue(botId).load(queue, clock.now()));
        }
    }

    private UpdateQueue queue(long botId) {
        return queues.computeIfAbsent(botId, id -> new UpdateQueue(ceilings, id));
    }
}
