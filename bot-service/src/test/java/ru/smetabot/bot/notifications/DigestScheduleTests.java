package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTests {

    private final DigestSchedule moscow = new DigestSchedule(
            new DigestProperties("09:00", "MONDAY", "10:30", ZoneId.of("Europe/Moscow"), null, null, null));

    @Test
    void theDailyPeriodIsTheLocalDayBeforeItsTime() {
        DigestPeriod period = moscow.due(DigestKind.DAILY, Instant.parse("2026-11-24T06:30:00Z")).orElseThrow();

        assertThat(period.date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(period.dueAt()).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        assertThat(period.from()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(period.to()).isEqualTo(period.dueAt());
        assertThat(moscow.nextDue(DigestKind.DAILY, Instant.parse("2026-11-24T06:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
    }

    @Test
    void aMissedDigestIsCaughtUpUntilHalfTheNextPeriodThenSkipped() {
        assertThat(moscow.due(DigestKind.DAILY, Instant.parse("2026-11-24T06:00:00Z"))).isPresent();
        assertThat(moscow.due(DigestKind.DAILY, Instant.parse("2026-11-24T17:59:59Z"))).isPresent();
        assertThat(moscow.due(DigestKind.DAILY, Instant.parse("2026-11-24T18:00:00Z"))).isEmpty();
        assertThat(moscow.due(DigestKind.DAILY, Instant.parse("2026-11-25T05:59:00Z")))
                .as("just before the next one: yesterday's is stale").isEmpty();
    }

    @Test
    void theWeeklyPeriodRunsFromLastWeeksDayAndTimeAndComparesWithTheWeekBefore() {
        Instant wednesday = Instant.parse("2026-11-25T12:00:00Z");

        DigestPeriod period = moscow.due(DigestKind.WEEKLY, wednesday).orElseThrow();

        assertThat(period.date()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(period.from()).isEqualTo(Instant.parse("2026-11-16T07:30:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-11-23T07:30:00Z"));
        assertThat(period.previousFrom()).isEqualTo(Instant.parse("2026-11-09T07:30:00Z"));
        assertThat(moscow.due(DigestKind.WEEKLY, Instant.parse("2026-11-26T19:30:00Z"))).as("3½ days later").isEmpty();
        assertThat(moscow.latest(DigestKind.WEEKLY, Instant.parse("2026-11-23T07:29:00Z")).date())
                .isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void aDaylightSavingChangeKeepsTheLocalTime() {
        DigestSchedule berlin = new DigestSchedule(
                new DigestProperties("09:00", "MONDAY", "09:00", ZoneId.of("Europe/Berlin"), null, null, null));

        DigestPeriod period = berlin.due(DigestKind.DAILY, Instant.parse("2026-03-29T07:10:00Z")).orElseThrow();

        assertThat(period.from()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void anOwnersZoneAndHourMoveTheirDigests() {
        DigestSchedule vladivostok = moscow.forOwner(ZoneId.of("Asia/Vladivostok"), 20);

        DigestPeriod daily = vladivostok.due(DigestKind.DAILY, Instant.parse("2026-11-24T10:30:00Z")).orElseThrow();
        assertThat(daily.dueAt()).as("20:00 in Vladivostok (UTC+10)").isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(vladivostok.zone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
        assertThat(vladivostok.due(DigestKind.WEEKLY, Instant.parse("2026-11-23T10:30:00Z")).orElseThrow().dueAt())
                .as("the weekly one at the owner's hour on DIGEST_WEEKLY_DAY").isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(moscow.forOwner(null, null).due(DigestKind.DAILY, Instant.parse("2026-11-24T06:30:00Z")).orElseThrow().dueAt())
                .as("nothing chosen: the configured schedule").isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        assertThat(moscow.forOwner(null, 7).due(DigestKind.DAILY, Instant.parse("2026-11-24T04:30:00Z")).orElseThrow().dueAt())
                .as("only the hour chosen: in BOT_TIME_ZONE").isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
    }

    @Test
    void aBadSettingNamesItsVariable() {
        assertThatThrownBy(() -> new DigestProperties("9 утра", null, null, null, null, null, null))
                .hasMessageContaining("DIGEST_TIME");
        assertThatThrownBy(() -> new DigestProperties(null, "понедельник", null, null, null, null, null))
                .hasMessageContaining("DIGEST_WEEKLY_DAY");
    }
}
