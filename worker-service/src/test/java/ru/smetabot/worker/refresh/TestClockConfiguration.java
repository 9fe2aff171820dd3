package ru.smetabot.worker.refresh;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import ru.smetabot.views.MutableClock;

/** The routine's clock, moved by hand to cross a back-off without waiting for it. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    static final MutableClock CLOCK = MutableClock.startingNow();

    @Bean
    MutableClock clock() {
        return CLOCK;
    }
}
