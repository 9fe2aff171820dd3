package ru.smetabot.sandbox.control;

import java.util.List;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.Resettable;

/** Puts everything back to the start-up state: world, queues, clock, sessions and faults. */
@Component
class SandboxReset {

    private final List<Resettable> parts;

    SandboxReset(List<Resettable> parts) {
        this.parts = parts;
    }

    void reset() {
        parts.forEach(Resettable::reset);
    }
}
