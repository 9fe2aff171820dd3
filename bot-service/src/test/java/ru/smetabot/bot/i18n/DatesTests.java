package ru.smetabot.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTests {

    /** 20:30 UTC on 1 March: still the 1st in Moscow, already the 2nd in Vladivostok. */
    private static final Instant EVENING = Instant.parse("2026-03-01T20:30:00Z");

    @Test
    void theDayAndTimeAreTheOwnersZones() {
        assertThat(Dates.dateTime(EVENING, ZoneId.of("Europe/Moscow"))).isEqualTo("01.03.2026 23:30");
        assertThat(Dates.dateTime(EVENING, ZoneId.of("Asia/Vladivostok"))).isEqualTo("02.03.2026 06:30");
        assertThat(Dates.date(EVENING, ZoneId.of("Europe/Moscow"))).isEqualTo("01.03.2026");
        assertThat(Dates.date(EVENING, ZoneId.of("Asia/Vladivostok"))).isEqualTo("02.03.2026");
    }

    @Test
    void aDayAlreadyCutInTheZoneIsWrittenTheSameWay() {
        assertThat(Dates.date(LocalDate.of(2026, 12, 3))).isEqualTo("03.12.2026");
    }
}
