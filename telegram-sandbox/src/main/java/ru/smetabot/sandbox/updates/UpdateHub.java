package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.SandboxClock;

/** Routes emitted updates to the queue of each bot and serves getUpdates from it (updates expire after 24 h). */
@Component
public class UpdateHub {

    private final Map<Long, UpdateQueue> queues = new ConcurrentHashMap<>();
    private final SandboxClock clock;

    @Autowired
    public UpdateHub(SandboxClock clock) {
        this.clock = clock;
    }

    /** A hub on the real clock (unit tests). */
    UpdateHub() {
        this(new SandboxClock());
    }

    public void publish(long botId, String type, Map<String, Object> payload) {
        queue(botId).publish(type, payload, clock.now());
    }

    public void poll(long botId, long offset, int limit, List<String> allowedUpdates, boolean mayWait,
                     UpdateWaiter waiter) {
        queue(botId).poll(offset, Math.max(1, Math.min(limit, 100)), allowedUpdates, mayWait, waiter, clock.now());
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
