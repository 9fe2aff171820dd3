package ru.smetabot.bot.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code smetabot_bot_account_logins_total{step, outcome}}: every Mini App login step and disconnect, by result. */
@Component
class LoginMetrics {

    private final MeterRegistry meters;

    LoginMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(LoginStep step, String outcome) {
        Counter.builder("smetabot.bot.account.logins").description("Mini App login steps and disconnects by outcome")
                .tag("step", step.tag()).tag("outcome", outcome).register(meters).increment();
    }
}
