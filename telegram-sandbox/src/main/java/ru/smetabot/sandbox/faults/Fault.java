package ru.smetabot.sandbox.faults;

/**
 * An active fault.
 *
 * @param target    "*" (everything), "botapi:*", "mtproto:*", a Bot API method ("sendMessage" or
 *                  "botapi:sendMessage") or an MTProto operation ("mtproto:getViews"); case-insensitive
 * @param kind      what happens to a matching call
 * @param seconds   the flood wait length (FLOOD_WAIT) in seconds
 * @param latencyMs the added delay (LATENCY)
 * @param remaining how many more calls it hits; null = until switched off
 */
public record Fault(String id, String target, Kind kind, Integer seconds, Integer latencyMs, Integer remaining) {

    public enum Kind { FLOOD_WAIT, OUTAGE, LATENCY }

    boolean matches(String surface, String operation) {
        String t = target.toLowerCase();
        return t.equals("*") || t.equals(surface + ":*") || t.equals(surface + ":" + operation)
                || (surface.equals(Faults.BOT_API) && t.equals(operation));
    }

    Fault used() {
        return remaining == null ? this : new Fault(id, target, kind, seconds, latencyMs, remaining - 1);
    }
}
