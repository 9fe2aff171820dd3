package ru.smetabot.sandbox.updates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import java.util.concurrent.atomic.AtomicLong;

import ru.smetabot.sandbox.state.IdCeilings;
import ru.smetabot.sandbox.state.SandboxException;

/**
 * One bot's pending updates, its allowed_updates setting, and how they leave: a parked long poll (at most one)
 * or, while a webhook is set, one push at a time by {@link WebhookDelivery} (oldest first).
 */
final class UpdateQueue {

    record Pending(long id, String type, Map<String, Object> update, Instant createdAt) {
    }

    /**
     * A queue as saved in the data directory: the next update id, allowed_updates, what is pending, and the
     * webhook with its last error ({@code webhook} null when none is set, as in a world saved before webhooks).
     */
    record Saved(long nextId, List<String> allowed, List<Pending> pending, Webhook webhook, long lastErrorDate,
                 String lastErrorMessage) {
    }

    /** The update a webhook push is about to send, with the webhook it goes to. */
    record Outgoing(long updateId, Map<String, Object> update, Webhook webhook) {
    }

    /** Bot API getUpdates: updates "will not be kept longer than 24 hours". */
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final LinkedList<Pending> pending = new LinkedList<>();
    private final IdCeilings ceilings;
    private final String counter;
    private final AtomicLong changes;
    private long nextId = 100_000_001L;
    private List<String> allowed = List.of();
    private UpdateWaiter waiter;
    private int waiterLimit;
    private Webhook webhook;
    private boolean pushing;
    private boolean closed;
    private long backoffFor;
    private WebhookBackoff backoff = new WebhookBackoff();
    private long lastErrorDate;
    private String lastErrorMessage;

    /** {@code changes} is the hub's change counter: a push that confirms or fails an update counts as a change. */
    UpdateQueue(IdCeilings ceilings, long botId, AtomicLong changes) {
        this.ceilings = ceilings;
        this.counter = "updates:" + botId;
        this.changes = changes;
    }

    /**
     * Creates an update only when the bot's allowed_updates admit its type right now (Bot API getUpdates:
     * the setting decides which updates are created; it "doesn't affect updates created before the call").
     * Answers whether a webhook push must be started for it (a webhook is set and no push is running).
     */
    synchronized boolean publish(String type, Map<String, Object> payload, Instant now) {
        if (!UpdateTypes.allowed(type, allowed)) {
            return false;
        }
        nextId = ceilings.take(counter, nextId);
        long id = nextId++;
        Map<String, Object> update = Json.obj("update_id", id, type, payload);
        pending.add(new Pending(id, type, update, now));
        if (webhook != null) {
            return claimPush();
        }
        if (waiter != null) {
            List<Map<String, Object>> batch = take(waiterLimit);
            if (!batch.isEmpty()) {
                UpdateWaiter w = waiter;
                waiter = null;
                w.deliver(batch);
            }
        }
        return false;
    }

    /** setWebhook: answers whether a push must be started for updates already waiting. */
    synchronized boolean setWebhook(Webhook hook, List<String> allowedUpdates, boolean dropPending) {
        if (allowedUpdates != null) {
            allowed = List.copyOf(allowedUpdates);
        }
        if (dropPending) {
            pending.clear();
        }
        webhook = hook;
        backoff = new WebhookBackoff();
        if (waiter != null) {
            waiter.terminated("Conflict: terminated by setWebhook request");
            waiter = null;
        }
        return !pending.isEmpty() && claimPush();
    }

    /** deleteWebhook (or setWebhook with an empty url): updates stay for getUpdates unless dropped. */
    synchronized void deleteWebhook(boolean dropPending) {
        webhook = null;
        if (dropPending) {
            pending.clear();
        }
    }

    synchronized WebhookStatus status() {
        return new WebhookStatus(webhook, pending.size(), lastErrorDate, lastErrorMessage, allowed);
    }

    /** The oldest update to push, or {@code null} (and the push ends) when there is none or no webhook. */
    synchronized Outgoing nextOutgoing(Instant now) {
        pending.removeIf(p -> p.createdAt().isBefore(now.minus(KEPT_FOR)));
        if (webhook == null || closed || pending.isEmpty()) {
            pushing = false;
            return null;
        }
        Pending head = pending.getFirst();
        if (backoffFor != head.id()) {
            backoffFor = head.id();
            backoff = new WebhookBackoff();
        }
        return new Outgoing(head.id(), head.update(), webhook);
    }

    /** The webhook answered 2xx: the update is confirmed. */
    synchronized void delivered(long updateId) {
        changes.incrementAndGet();
        pending.removeIf(p -> p.id() == updateId);
    }

    /**
     * The push failed: remembers the error for getWebhookInfo and answers the wait before the next attempt;
     * an update whose next attempt would fall after its 24 h lifetime is dropped, as Telegram does.
     */
    synchronized Duration failed(long updateId, String error, int retryAfterSeconds, Instant now) {
        changes.incrementAndGet();
        lastErrorDate = now.getEpochSecond();
        lastErrorMessage = error;
        if (backoffFor != updateId) {
            return Duration.ZERO;
        }
        Duration wait = backoff.next(retryAfterSeconds);
        pending.stream().filter(p -> p.id() == updateId).findFirst()
                .filter(p -> now.plus(wait).isAfter(p.createdAt().plus(KEPT_FOR)))
                .ifPresent(p -> pending.remove(p));
        return wait;
    }

    /** The hub was reset: a push still scheduled for this queue ends at its next step. */
    synchronized void close() {
        closed = true;
    }

    private boolean claimPush() {
        if (pushing || closed) {
            return false;
        }
        pushing = true;
        return true;
    }

    /**
     * Confirms everything below {@code offset}, remembers {@code allowedUpdates} when given, and either answers
     * at once or parks {@code poll} until an update arrives (the caller owns the poll's timeout).
     */
    synchronized void poll(long offset, int limit, List<String> allowedUpdates, boolean mayWait, UpdateWaiter poll,
                           Instant now) {
        if (webhook != null) {
            throw new SandboxException(409, "Conflict: can't use getUpdates method while webhook is active; "
                    + "use deleteWebhook to delete the webhook first", null);
        }
        if (allowedUpdates != null) {
            allowed = List.copyOf(allowedUpdates);
        }
        confirm(offset);
        pending.removeIf(p -> p.createdAt().isBefore(now.minus(KEPT_FOR)));
        if (waiter != null) {
            waiter.terminated("Conflict: terminated by other getUpdates request; make sure that only one bot "
                    + "instance is running");
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
        return new Saved(nextId, allowed, List.copyOf(pending), webhook, lastErrorDate, lastErrorMessage);
    }

    /**
     * A saved update without its creation time (saved before it was kept) counts from the load. Answers whether
     * a push must be started: the saved webhook still has updates waiting for it.
     */
    synchronized boolean load(Saved saved, Instant now) {
        nextId = Math.max(nextId, saved.nextId());
        allowed = saved.allowed() == null ? List.of() : List.copyOf(saved.allowed());
        pending.clear();
        if (saved.pending() != null) {
            saved.pending().forEach(p -> pending.add(p.createdAt() != null ? p
                    : new Pending(p.id(), p.type(), p.update(), now)));
        }
        webhook = saved.webhook() == null || saved.webhook().url() == null || saved.webhook().url().isEmpty()
                ? null : saved.webhook();
        lastErrorDate = saved.lastErrorDate();
        lastErrorMessage = saved.lastErrorMessage();
        return webhook != null && !pending.isEmpty() && claimPush();
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
