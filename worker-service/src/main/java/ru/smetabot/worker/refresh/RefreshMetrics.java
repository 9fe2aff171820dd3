package ru.smetabot.worker.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.smetabot.views.FailureReason;
import ru.smetabot.views.RefreshSummary;
import ru.smetabot.views.RefreshTrigger;

/**
 * The refresh's Prometheus series (names in the README). Tags are low-cardinality: trigger,
 * outcome, reason, result, job; never a room id.
 */
@Component
class RefreshMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong lastPeriodicSuccess = new AtomicLong();
    private final AtomicInteger periodicRunning = new AtomicInteger();
    private final AtomicInteger roomJobsRunning = new AtomicInteger();

    RefreshMetrics(MeterRegistry registry, ObjectProvider<Clock> clock) {
        this.registry = registry;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        Gauge.builder("smetabot.refresh.periodic.last.success.timestamp", lastPeriodicSuccess, AtomicLong::get)
                .description("When a periodic cycle last refreshed a room or had none due (epoch seconds); alert when it stops moving")
                .baseUnit("seconds").register(registry);
        Gauge.builder("smetabot.refresh.jobs.running", periodicRunning, AtomicInteger::get).tag("job", "periodic")
                .description("Refresh jobs running now on this instance").register(registry);
        Gauge.builder("smetabot.refresh.jobs.running", roomJobsRunning, AtomicInteger::get).tag("job", "room")
                .description("Refresh jobs running now on this instance").register(registry);
    }

    void jobStarted(boolean periodic) {
        (periodic ? periodicRunning : roomJobsRunning).incrementAndGet();
    }

    void jobFinished(boolean periodic) {
        (periodic ? periodicRunning : roomJobsRunning).decrementAndGet();
    }

    void periodicCycleCompleted(Instant at, Duration took, boolean anyRoomRefreshed) {
        lastPeriodicSuccess.accumulateAndGet(at.getEpochSecond(), Math::max);
        Timer.builder("smetabot.refresh.cycles").description("Periodic refresh cycles over every room")
                .tag("result", anyRoomRefreshed ? "completed" : "nothing_refreshed").register(registry).record(took);
    }

    /** Seeds the last-success gauge after a restart, so an alert does not fire on every deploy. */
    void lastPeriodicSuccessWas(Instant at) {
        lastPeriodicSuccess.accumulateAndGet(at.getEpochSecond(), Math::max);
    }

    long lastPeriodicSuccessEpochSeconds() {
        return lastPeriodicSuccess.get();
    }

    void record(RefreshTrigger.Kind trigger, RefreshSummary summary) {
        String reason = summary.reason() == null ? "none" : summary.reason().tag();
        Timer.builder("smetabot.refresh.runs").description("Refreshes of one room, by trigger and outcome")
                .tag("trigger", trigger.tag()).tag("outcome", summary.outcome().tag())
                .register(registry).record(summary.duration());
        counter("smetabot.refresh.rooms", "Rooms refreshed, failed (by reason) or skipped",
                "outcome", summary.outcome().tag(), "reason", reason).increment();
        posts("updated", summary.updated());
        posts("unchanged", summary.unchanged());
        posts("missing", summary.missing());
        posts("failed", summary.failed());
        int failedCalls = summary.reason() != null && summary.userbotCalls() > 0 ? 1 : 0;
        calls("ok", summary.userbotCalls() - failedCalls);
        calls(reason, failedCalls);
        // Only the run that met the flood wait counts its seconds; a BACKED_OFF summary carries the
        // same reason and retry time while the room rests, and must not count them again.
        if (summary.outcome() == RefreshSummary.Outcome.FAILED && summary.reason() == FailureReason.FLOOD_WAIT
                && summary.retryAt() != null) {
            // retryAt = when the run met the flood + Telegram's wait; recorded just after the run, so the
            // seconds asked are the remainder rounded up (truncating turned a 20 s wait into 19).
            long millis = Math.max(0, Duration.between(clock.instant(), summary.retryAt()).toMillis());
            long seconds = (millis + 999) / 1000;
            counter("smetabot.refresh.flood.wait.seconds", "Seconds Telegram asked us to wait (flood waits)")
                    .increment(seconds);
        }
    }

    private void posts(String result, int count) {
        if (count > 0) {
            counter("smetabot.refresh.posts", "Posts by result of their refresh", "result", result).increment(count);
        }
    }

    private void calls(String result, int count) {
        if (count > 0) {
            counter("smetabot.refresh.userbot.calls", "get_views calls to the userbot by result", "result", result)
                    .increment(count);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
