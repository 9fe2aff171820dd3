package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.SandboxClock;

/**
 * Routes emitted updates to the queue of each bot; they leave through getUpdates, or through the bot's webhook
 * while one is set (updates expire after 24 h either way).
 */
@Component
public class UpdateHub {

    /** Starts pushing a queue's updates to its webhook (one push per queue at a time). */
    @FunctionalInterface
    interface PushStarter {
        void start(UpdateQueue queue);
    }

    private final Map<Long, UpdateQueue> queues = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final PushStarter pushes;

    @Autowired
    public UpdateHub(SandboxClock clock, WebhookDelivery delivery) {
        this(clock, (PushStarter) delivery::start);
    }

    private UpdateHub(SandboxClock clock, PushStarter pushes) {
        this.clock = clock;
        this.pushes = pushes;
    }

    /** A hub on the real clock whose webhooks never push (unit tests of the queue). */
    UpdateHub() {
        this(new SandboxClock(), queue -> { });
    }

    public void publish(long botId, String type, Map<String, Object> payload) {
        UpdateQueue queue = queue(botId);
        if (queue.publish(type, payload, clock.now())) {
            pushes.start(queue);
        }
    }

    public void poll(long botId, long offset, int limit, List<String> allowedUpdates, boolean mayWait,
                     UpdateWaiter waiter) {
        queue(botId).poll(offset, Math.max(1, Math.min(limit, 100)), allowedUpdates, mayWait, waiter, clock.now());
    }

    public void cancel(long botId, UpdateWaiter waiter) {
        queue(botId).cancel(waiter);
    }

    /** setWebhook with a validated, non-empty url; {@code allowedUpdates} null keeps the previous setting. */
    public void setWebhook(long botId, Webhook webhook, List<String> allowedUpdates, boolean dropPending) {
        UpdateQueue queue = queue(botId);
        if (queue.setWebhook(webhook, allowedUpdates, dropPending)) {
            pushes.start(queue);
        }
    }

    public void deleteWebhook(long botId, boolean dropPending) {
        queue(botId).deleteWebhook(dropPending);
    }

    public WebhookStatus webhookStatus(long botId) {
        return queue(botId).status();
    }

    public void reset() {
        queues.values().forEach(UpdateQueue::close);
        queues.clear();
    }

    private UpdateQueue queue(long botId) {
        return queues.computeIfAbsent(botId, id -> new UpdateQueue());
    }
}
