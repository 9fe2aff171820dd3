package ru.smetabot.sandbox.state;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Keeps id counters (user, channel and file ids, each bot's update ids) from going backwards after a crash.
 * The world is saved a moment after it changes, so a crash loses that moment; ids handed out in it must not
 * be handed out again (the bot has seen those update ids). Before an id at or above the last reserved
 * ceiling is handed out, a ceiling {@value #BLOCK} higher is written durably; after a crash every counter
 * starts at least at its ceiling. A clean stop removes the ceilings (its final save is exact), so ids then
 * continue without a gap. Without a data directory ({@link Store#durable()} false) this costs nothing.
 */
@Component
public class IdCeilings implements Resettable {

    /** How many ids one durable write reserves. */
    public static final long BLOCK = 1000;

    /** Where the ceilings are kept durably. */
    public interface Store {

        boolean durable();

        /** The ceilings written by a run that did not stop cleanly; empty when there are none. */
        Map<String, Long> load();

        /** Writes all ceilings durably (fsync) before returning. */
        void save(Map<String, Long> ceilings);
    }

    private final Store store;
    private final Map<String, Long> floors = new HashMap<>();
    private final Map<String, Long> ceilings = new HashMap<>();

    public IdCeilings(Store store) {
        this.store = store;
        floors.putAll(store.load());
        ceilings.putAll(floors);
    }

    /** Counters kept in memory only (unit tests of parts that use counters). */
    public static IdCeilings inMemory() {
        return new IdCeilings(new Store() {
            @Override
            public boolean durable() {
                return false;
            }

            @Override
            public Map<String, Long> load() {
                return Map.of();
            }

            @Override
            public void save(Map<String, Long> ceilings) {
                // nothing is kept
            }
        });
    }

    /**
     * The id to hand out next on {@code counter}: {@code candidate}, or more when a run that crashed may have
     * handed out ids up to its ceiling. The caller continues counting from the returned id.
     */
    public long take(String counter, long candidate) {
        if (!store.durable()) {
            return candidate;
        }
        synchronized (this) {
            long id = Math.max(candidate, floors.getOrDefault(counter, Long.MIN_VALUE));
            if (id >= ceilings.getOrDefault(counter, Long.MIN_VALUE)) {
                ceilings.put(counter, id + BLOCK);
                store.save(Map.copyOf(ceilings));
            }
            return id;
        }
    }

    /** A clean world starts its counters from the beginning. */
    @Override
    public synchronized void reset() {
        floors.clear();
        ceilings.clear();
    }
}
