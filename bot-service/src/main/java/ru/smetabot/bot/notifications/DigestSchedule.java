package ru.smetabot.bot.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Which digest period is due at a moment. Periods are local days (or weeks) in the digest zone, so a
 * DST change moves nothing. A period is caught up after downtime until half of the next one has
 * passed (12 h for the daily, 3½ days for the weekly); later it is stale and skipped, since the next
 * digest is nearer than it.
 */
public final class DigestSchedule {

    private final DigestProperties properties;
    private final ZoneId zone;
    private final LocalTime daily;
    private final LocalTime weekly;

    public DigestSchedule(DigestProperties properties) {
        this(properties, properties.timeZone(), properties.daily(), properties.weekly());
    }

    private DigestSchedule(DigestProperties properties, ZoneId zone, LocalTime daily, LocalTime weekly) {
        this.properties = properties;
        this.zone = zone;
        this.daily = daily;
        this.weekly = weekly;
    }

    /**
     * The schedule of owners who chose a zone and/or a digest hour in "⚙️ Настройки" (null: the configured one);
     * the hour is the time of both the daily and the weekly digest, the weekly day stays DIGEST_WEEKLY_DAY.
     */
    public DigestSchedule forOwner(ZoneId ownerZone, Integer hour) {
        return new DigestSchedule(properties, ownerZone == null ? zone : ownerZone,
                hour == null ? daily : LocalTime.of(hour, 0), hour == null ? weekly : LocalTime.of(hour, 0));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The latest period due at or before {@code now}, unless it is stale. */
    public Optional<DigestPeriod> due(DigestKind kind, Instant now) {
        DigestPeriod latest = latest(kind, now);
        Duration half = Duration.between(latest.from(), latest.to()).dividedBy(2);
        return now.isBefore(latest.dueAt().plus(half)) ? Optional.of(latest) : Optional.empty();
    }

    public DigestPeriod latest(DigestKind kind, Instant now) {
        LocalDate today = now.atZone(zone()).toLocalDate();
        LocalDate date = kind == DigestKind.DAILY ? today : today.with(TemporalAdjusters.previousOrSame(properties.weeklyDayOfWeek()));
        if (at(date, kind).isAfter(now)) {
            date = step(date, kind, -1);
        }
        return period(kind, date);
    }

    /** The first due time after {@code now}. */
    public Instant nextDue(DigestKind kind, Instant now) {
        return at(step(latest(kind, now).date(), kind, 1), kind);
    }

    DigestPeriod period(DigestKind kind, LocalDate date) {
        LocalDate previous = step(date, kind, -1);
        return new DigestPeriod(kind, date, at(date, kind), at(previous, kind), at(date, kind), at(step(previous, kind, -1), kind));
    }

    private Instant at(LocalDate date, DigestKind kind) {
        LocalTime time = kind == DigestKind.DAILY ? daily : weekly;
        return date.atTime(time).atZone(zone()).toInstant();
    }

    private static LocalDate step(LocalDate date, DigestKind kind, int periods) {
        return kind == DigestKind.DAILY ? date.plusDays(periods) : date.plusWeeks(periods);
    }
}
