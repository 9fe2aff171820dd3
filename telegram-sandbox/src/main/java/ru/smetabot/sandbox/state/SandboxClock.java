package ru.smetabot.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Wall clock plus an offset that tests can move forward (expiry, view cooldowns, code TTL). */
@Component
public class SandboxClock {

    private final Clock base = Clock.systemUTC();
    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    public long epochSeconds() {
        return now().getEpochSecond();
    }

    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }

    public void reset() {
        offsetMillis.set(0);
    }
}
