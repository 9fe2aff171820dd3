package ru.smetabot.sandbox.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Telegram's resend schedule (tdlib/telegram-bot-api WebhookActor::on_update_error), as README documents it. */
class WebhookBackoffTests {

    @Test
    void firstRetryAtOnceThenDoublingFromTwoSecondsUpToACapBetweenOneAndTwoMinutes() {
        WebhookBackoff backoff = new WebhookBackoff();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.next(0).toSeconds());
        }

        assertThat(waits.subList(0, 7)).containsExactly(0L, 2L, 4L, 8L, 16L, 32L, 64L);
        assertThat(waits.subList(7, 12)).allSatisfy(w -> assertThat(w).isBetween(60L, 120L));
        assertThat(backoff.failures()).isEqualTo(12);
    }

    @Test
    void retryAfterFromTheWebhookReplacesTheDelayUpToAnHour() {
        WebhookBackoff backoff = new WebhookBackoff();

        assertThat(backoff.next(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.next(7200)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.next(0)).as("the doubling goes on from where it was").isEqualTo(Duration.ofSeconds(2));
    }
}
