package ru.smetabot.bot.joinrequests;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recovery sweep's schedule (smetabot.bot.join-requests.*).
 *
 * @param sweepInterval     time between sweeps (JOIN_REQUEST_SWEEP_INTERVAL); zero or negative turns the periodic sweep off
 * @param sweepInitialDelay how long after start the first sweep runs (JOIN_REQUEST_SWEEP_INITIAL_DELAY)
 * @param sweepOnStart      whether a sweep runs at start-up at all
 * @param reconcileAfter    how old an open join decision must be before a sweep completes it
 *                          (JOIN_DECISION_RECONCILE_AFTER): longer than one Telegram call with its retries
 */
@ConfigurationProperties("smetabot.bot.join-requests")
public record JoinRequestProperties(Duration sweepInterval, Duration sweepInitialDelay, Boolean sweepOnStart,
        Duration reconcileAfter) {

    public JoinRequestProperties {
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(5) : sweepInterval;
        sweepInitialDelay = sweepInitialDelay == null ? Duration.ofSeconds(5) : sweepInitialDelay;
        sweepOnStart = sweepOnStart == null || sweepOnStart;
        reconcileAfter = reconcileAfter == null ? Duration.ofMinutes(2) : reconcileAfter;
    }
}
