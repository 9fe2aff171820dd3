package ru.smetabot.views;

import java.util.Locale;

/**
 * Who asked for a refresh; stored with the run ({@code analytics.refresh_runs.trigger}).
 *
 * @param kind    periodic job, on-demand job (REST/CLI) or the bot's button
 * @param cycleId the periodic job's fire id, so a cycle's runs can be told apart; null otherwise
 */
public record RefreshTrigger(Kind kind, String cycleId) {

    public enum Kind {
        PERIODIC, ON_DEMAND, BOT;

        /** The stored and metric-tag form: periodic, on_demand, bot. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RefreshTrigger {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    public static RefreshTrigger periodic(String cycleId) {
        return new RefreshTrigger(Kind.PERIODIC, cycleId);
    }

    public static RefreshTrigger onDemand() {
        return new RefreshTrigger(Kind.ON_DEMAND, null);
    }

    public static RefreshTrigger bot() {
        return new RefreshTrigger(Kind.BOT, null);
    }
}
