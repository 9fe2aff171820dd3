package ru.smetabot.userbot.tdlib;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code updateMessageInteractionInfo}s of one views refresh: after {@code viewMessages} TDLib
 * fetches the counters in the background and announces the new ones this way. Registered on the
 * account before {@code viewMessages} is sent, so no update can slip past; closed when the refresh ends.
 */
final class InteractionUpdates implements AutoCloseable {

    private final long chatId;
    private final Set<Long> wanted;
    private final Map<Long, Integer> received = new HashMap<>();
    private final Runnable onClose;

    InteractionUpdates(long chatId, Collection<Long> tdMessageIds, Runnable onClose) {
        this.chatId = chatId;
        this.wanted = Set.copyOf(tdMessageIds);
        this.onClose = onClose;
    }

    /** From the receiver thread; a null count (no interaction info) still counts as arrived. */
    synchronized void offer(long chat, long tdMessageId, Integer viewCount) {
        if (chat != chatId || !wanted.contains(tdMessageId)) {
            return;
        }
        received.merge(tdMessageId, viewCount == null ? -1 : viewCount, Math::max);
        if (received.size() == wanted.size()) {
            notifyAll();
        }
    }

    /**
     * Waits until an update arrived for every wanted message or {@code max} passed; answers the
     * counts received so far by TDLib message id (messages whose update had no count left out).
     */
    synchronized Map<Long, Integer> await(Duration max) {
        long until = System.nanoTime() + Math.max(0, max.toNanos());
        while (received.size() < wanted.size()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return counts();
    }

    /** The counts received so far (updates keep arriving until {@link #close()}). */
    synchronized Map<Long, Integer> counts() {
        Map<Long, Integer> counts = new HashMap<>();
        received.forEach((id, views) -> {
            if (views >= 0) {
                counts.put(id, views);
            }
        });
        return counts;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
