package ru.smetabot.sandbox.control;

import java.util.List;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.persistence.WorldStore;
import ru.smetabot.sandbox.state.Resettable;

/**
 * Puts everything back to the start-up state: world, queues, clock, sessions and faults; with a data directory
 * the stored world is cleared too, so the next start is clean as well.
 */
@Component
class SandboxReset {

    private final List<Resettable> parts;
    private final WorldStore store;

    SandboxReset(List<Resettable> parts, WorldStore store) {
        this.parts = parts;
        this.store = store;
    }

    void reset() {
        store.reset(() -> parts.forEach(Resettable::reset));
    }
}
