package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;

/** A parked long poll: receives a batch of updates, or is pushed out by a newer getUpdates or a setWebhook. */
public interface UpdateWaiter {

    void deliver(List<Map<String, Object>> updates);

    /**
     * Telegram answers 409 to the pushed-out poll: "Conflict: terminated by other getUpdates request; ..." or
     * "Conflict: terminated by setWebhook request".
     */
    void terminated(String conflict);
}
