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
 * Routes emitted updates to the queue of each bot; they leave through getUpdates, or through the bot's webhook
 * while one is set (updates expire after 24 h either way). With a data directory the queues (next update id,
 * allowed_updates, pending updates, the webhook and its last error) are saved with the world, so update ids
 * continue after a restart as Telegram's do and a webhook keeps receiving what was pending.
 */
@Component
public class UpdateHub implements StoredPart<UpdateHub.SavedQueues> {

    /** Every bot's queue as saved. */
    public record SavedQueues(Map<Long, UpdateQueue.Saved> queues) {
    }

    /** Starts pushing a queue's updates to its webhook (one push per queue at a time). */
    @FunctionalInterface
    interface PushStarter {
        void start(UpdateQueue queue);
    }

    private final Map<Long, UpdateQueue> queues = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final IdCeilings ceilings;
    private final PushStarter pushes;
    private final AtomicLong changes = new AtomicLong();

    /** A hub on the real clock with update ids kept in memory only whose webhooks never push (unit tests). */
    public UpdateHub() {
        this(new SandboxClock(), IdCeilings.inMemory(), queue -> { });
    }

    @Autowired
    public UpdateHub(SandboxClock clock, IdCeilings ceilings, WebhookDelivery delivery) {
        this(clock, ceilings, (PushStarter) delivery::start);
    }

    private UpdateHub(SandboxClock clock, IdCeilings ceilings, PushStarter pushes) {
        this.clock = clock;
        this.ceilings = ceilings;
        this.pushes = pushes;
    }

    public void publish(long botId, String type, Map<String, Object> payload) {
        changes.incrementAndGet();
        UpdateQueue queue = queue(botId);
        if (queue.publish(type, payload, clock.now())) {
            pushes.start(queue);
        }
    }

    public void poll(long botId, long offset, int limit, List<String> allowedUpdates, boolean mayWait,
                     UpdateWaiter waiter) {
        changes.incrementAndGet();
        queue(botId).poll(offset, Math.max(1, Math.min(limit, 100)), allowedUpdates, mayWait, waiter, clock.now());
    }

    public void cancel(long botId, UpdateWaiter waiter) {
        queue(botId).cancel(waiter);
    }

    /** setWebhook with a validated, non-empty url; {@code allowedUpdates} null keeps the previous setting. */
    public void setWebhook(long botId, Webhook webhook, List<String> allowedUpdates, boolean dropPending) {
        changes.incrementAndGet();
        UpdateQueue queue = queue(botId);
        if (queue.setWebhook(webhook, allowedUpdates, dropPending)) {
            pushes.start(queue);
        }
    }

    public void deleteWebhook(long botId, boolean dropPending) {
        changes.incrementAndGet();
        queue(botId).deleteWebhook(dropPending);
    }

    public WebhookStatus webhookStatus(long botId) {
        return queue(botId).status();
    }

    public void reset() {
        changes.incrementAndGet();
        queues.values().forEach(UpdateQueue::close);
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
            saved.queues().forEach((botId, queue) -> {
                UpdateQueue loaded = queue(botId);
                if (loaded.load(queue, clock.now())) {
                    pushes.start(loaded);
                }
            });
        }
    }

    private UpdateQueue queue(long botId) {
        return queues.computeIfAbsent(botId, id -> new UpdateQueue(ceilings, id, changes));
    }
}
