package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;

/** A parked long poll: receives a batch of updates, or is pushed out by a newer getUpdates call. */
public interface UpdateWaiter {

    void deliver(List<Map<String, Object>> updates);

    /** Telegram answers 409 "Conflict: terminated by other getUpdates request" to the older poll. */
    void terminatedByOtherPoll();
}
