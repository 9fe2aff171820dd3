package ru.smetabot.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The current {@link Step} per Telegram user. {@link #take} removes atomically, so two identical
 * updates (a double tap, a resent title) cannot both act on the same step.
 */
@Component
public class Conversations {

    static final Duration EXPIRY = Duration.ofMinutes(30);

    private final ConcurrentMap<Long, Entry> steps = new ConcurrentHashMap<>();
    private final Clock clock;

    public Conversations() {
        this(Clock.systemUTC());
    }

    Conversations(Clock clock) {
        this.clock = clock;
    }

    public void expect(long tgUserId, Step step) {
        steps.put(tgUserId, new Entry(step, clock.instant().plus(EXPIRY)));
    }

    public void clear(long tgUserId) {
        steps.remove(tgUserId);
    }

    public Optional<Step> peek(long tgUserId) {
        Entry entry = steps.get(tgUserId);
        return entry == null || entry.expired(clock.instant()) ? Optional.empty() : Optional.of(entry.step());
    }

    /** Removes and returns the step when it is of {@code type}; at most one caller gets it. */
    public <T extends Step> Optional<T> take(long tgUserId, Class<T> type) {
        Entry entry = steps.get(tgUserId);
        if (entry == null || !type.isInstance(entry.step()) || !steps.remove(tgUserId, entry)
                || entry.expired(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(entry.step()));
    }

    private record Entry(Step step, Instant expiresAt) {
        boolean expired(Instant now) {
            return now.isAfter(expiresAt);
        }
    }
}
