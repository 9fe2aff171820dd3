package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.IdCeilings;
import ru.smetabot.sandbox.state.StoredPart;

/**
 * Routes emitted updates to the queue of each bot and serves getUpdates from it. With a data directory the
 * queues (next update id, allowed_updates, pending updates) are saved with the world, so update ids continue
 * after a restart as Telegram's do.
 */
@Component
public class UpdateHub implements StoredPart<UpdateHub.SavedQueues> {

    /** Every bot's queue as saved. */
    public record SavedQueues(Map<Long, UpdateQueue.Saved> queues) {
    }

    private final Map<Long, UpdateQueue> queues = new ConcurrentHashMap<>();
    private final IdCeilings ceilings;
    private final AtomicLong changes = new AtomicLong();

    /** Update ids kept in memory only. */
    public UpdateHub() {
        this(IdCeilings.inMemory());
    }

    @Autowired
    public UpdateHub(IdCeilings ceilings) {
        this.ceilings = ceilings;
    }

    public void publish(long botId, String type, Map<String, Object> payload) {
        changes.incrementAndGet();
        queue(botId).publish(type, payload);
    }

    public void poll(long botId, long offset, int limit, List<String> allowedUpdates, boolean mayWait,
                     UpdateWaiter waiter) {
        changes.incrementAndGet();
        queue(botId).poll(offset, Math.max(1, Math.min(limit, 100)), allowedUpdates, mayWait, waiter);
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
            saved.queues().forEach((botId, queue) -> queue(botId).load(queue));
        }
    }

    private UpdateQueue queue(long botId) {
        return queues.computeIfAbsent(botId, id -> new UpdateQueue(ceilings, id));
    }
}
