package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Routes emitted updates to the queue of each bot and serves getUpdates from it. */
@Component
public class UpdateHub {

    private final Map<Long, UpdateQueue> queues = new ConcurrentHashMap<>();

    public void publish(long botId, String type, Map<String, Object> payload) {
        queue(botId).publish(type, payload);
    }

    public void poll(long botId, long offset, int limit, List<String> allowedUpdates, boolean mayWait,
                     UpdateWaiter waiter) {
        queue(botId).poll(offset, Math.max(1, Math.min(limit, 100)), allowedUpdates, mayWait, waiter);
    }

    public void cancel(long botId, UpdateWaiter waiter) {
        queue(botId).cancel(waiter);
    }

    public int pendingCount(long botId) {
        return queue(botId).size();
    }

    public void reset() {
        queues.clear();
    }

    private UpdateQueue queue(long botId) {
        return queues.computeIfAbsent(botId, id -> new UpdateQueue());
    }
}
