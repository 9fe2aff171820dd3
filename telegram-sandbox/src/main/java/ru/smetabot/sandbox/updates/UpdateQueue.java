package ru.smetabot.sandbox.updates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.state.IdCeilings;

/** One bot's pending updates, its allowed_updates setting and its parked long poll (at most one). */
final class UpdateQueue {

    record Pending(long id, String type, Map<String, Object> update, Instant createdAt) {
    }

    /** A queue as saved in the data directory: the next update id, allowed_updates and what is pending. */
    record Saved(long nextId, List<String> allowed, List<Pending> pending) {
    }

    /** Bot API getUpdates: updates "will not be kept longer than 24 hours". */
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final LinkedList<Pending> pending = new LinkedList<>();
    private final IdCeilings ceilings;
    private final String counter;
    private long nextId = 100_000_001L;
    private List<String> allowed = List.of();
    private UpdateWaiter waiter;
    private int waiterLimit;

    UpdateQueue(IdCeilings ceilings, long botId) {
        this.ceilings = ceilings;
        this.counter = "updates:" + botId;
    }

    /**
     * Creates an update only when the bot's allowed_updates admit its type right now (Bot API getUpdates:
     * the setting decides which updates are created; it "doesn't affect updates created before the call").
     */
    synchronized void publish(String type, Map<String, Object> payload, Instant now) {
        if (!UpdateTypes.allowed(type, allowed)) {
            return;
        }
        nextId = ceilings.take(counter, nextId);
        long id = nextId++;
        Map<String, Object> update = Json.obj("update_id", id, type, payload);
        pending.add(new Pending(id, type, update, now));
        if (waiter != null) {
            List<Map<String, Object>> batch = take(waiterLimit);
            if (!batch.isEmpty()) {
                UpdateWaiter w = waiter;
                waiter = null;
                w.deliver(batch);
            }
        }
    }

    /**
     * Confirms everything below {@code offset}, remembers {@code allowedUpdates} when given, and either answers
     * at once or parks {@code poll} until an update arrives (the caller owns the poll's timeout).
     */
    synchronized void poll(long offset, int limit, List<String> allowedUpdates, boolean mayWait, UpdateWaiter poll,
                           Instant now) {
        if (allowedUpdates != null) {
            allowed = List.copyOf(allowedUpdates);
        }
        confirm(offset);
        pending.removeIf(p -> p.createdAt().isBefore(now.minus(KEPT_FOR)));
        if (waiter != null) {
            waiter.terminatedByOtherPoll();
            waiter = null;
        }
        List<Map<String, Object>> batch = take(limit);
        if (!batch.isEmpty() || !mayWait) {
            poll.deliver(batch);
            return;
        }
        waiter = poll;
        waiterLimit = limit;
    }

    synchronized void cancel(UpdateWaiter poll) {
        if (waiter == poll) {
            waiter = null;
        }
    }

    synchronized Saved save() {
        return new Saved(nextId, allowed, List.copyOf(pending));
    }

    /** A saved update without its creation time (saved before it was kept) counts from the load. */
    synchronized void load(Saved saved, Instant now) {
        nextId = Math.max(nextId, saved.nextId());
        allowed = saved.allowed() == null ? List.of() : List.copyOf(saved.allowed());
        pending.clear();
        if (saved.pending() != null) {
            saved.pending().forEach(p -> pending.add(p.createdAt() != null ? p
                    : new Pending(p.id(), p.type(), p.update(), now)));
        }
    }

    synchronized int size() {
        return pending.size();
    }

    private void confirm(long offset) {
        if (offset < 0) {
            while (pending.size() > -offset) {
                pending.removeFirst();
            }
        } else {
            pending.removeIf(p -> p.id() < offset);
        }
    }

    /** Updates already created are delivered even if allowed_updates changed since, as on Telegram. */
    private List<Map<String, Object>> take(int limit) {
        List<Map<String, Object>> batch = new ArrayList<>();
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext() && batch.size() < limit) {
            batch.add(it.next().update());
        }
        return batch;
    }
}
