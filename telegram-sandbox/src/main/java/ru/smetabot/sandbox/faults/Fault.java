package ru.smetabot.sandbox.faults;

/**
 * An active fault.
 *
 * @param target    "*" (everything), "botapi:*", "mtproto:*", a Bot API method ("sendMessage" or
 *                  "botapi:sendMessage") or an MTProto operation ("mtproto:getViews"); case-insensitive
 * @param kind      what happens to a matching call
 * @param seconds   the flood wait length (FLOOD_WAIT), or the longest a call is held (HOLD, default 60)
 * @param latencyMs the added delay (LATENCY)
 * @param remaining how many more calls it hits; null = until switched off
 * @param chatId    only calls about this chat (MTProto channel operations) match; null = any
 * @param held      HOLD: calls waiting on it right now (filled in when listed)
 */
public record Fault(String id, String target, Kind kind, Integer seconds, Integer latencyMs, Integer remaining,
                    Long chatId, int held) {

    /** HOLD keeps a matching call waiting until the fault is switched off (or its seconds pass), then lets it go on. */
    public enum Kind { FLOOD_WAIT, OUTAGE, LATENCY, HOLD }

    boolean matches(String surface, String operation, Long chat) {
        String t = target.toLowerCase();
        boolean operationMatches = t.equals("*") || t.equals(surface + ":*") || t.equals(surface + ":" + operation)
                || (surface.equals(Faults.BOT_API) && t.equals(operation));
        return operationMatches && (chatId == null || chatId.equals(chat)) && (remaining == null || remaining > 0);
    }

    Fault used() {
        return remaining == null ? this : new Fault(id, target, kind, seconds, latencyMs, remaining - 1, chatId, held);
    }

    Fault withHeld(int calls) {
        return new Fault(id, target, kind, seconds, latencyMs, remaining, chatId, calls);
    }
}
