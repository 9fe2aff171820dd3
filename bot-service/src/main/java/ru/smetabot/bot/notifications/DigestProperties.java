package ru.smetabot.bot.notifications;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When digests go out (smetabot.bot.digests.*). Times are local to {@code timeZone}: Telegram does not
 * tell a user's zone, so every owner gets them at the same wall-clock time of the bot's zone.
 *
 * @param dailyTime     DIGEST_TIME: the daily digest, e.g. "09:00"
 * @param weeklyDay     DIGEST_WEEKLY_DAY: the weekly views digest's day, e.g. "MONDAY"
 * @param weeklyTime    DIGEST_WEEKLY_TIME: its time, e.g. "09:00"
 * @param timeZone      DIGEST_TIME_ZONE: the zone of those times (default BOT_TIME_ZONE, Europe/Moscow)
 * @param checkInterval DIGEST_CHECK_INTERVAL: how often due digests are looked for; zero turns the schedule off
 * @param retryBackoff  DIGEST_RETRY_BACKOFF: wait after a failed send (times the attempts, at most an hour)
 * @param topFiles      files in the weekly digest's top
 */
@ConfigurationProperties("smetabot.bot.digests")
public record DigestProperties(String dailyTime, String weeklyDay, String weeklyTime, ZoneId timeZone,
        Duration checkInterval, Duration retryBackoff, Integer topFiles) {

    public DigestProperties {
        dailyTime = dailyTime == null || dailyTime.isBlank() ? "09:00" : dailyTime.trim();
        weeklyDay = weeklyDay == null || weeklyDay.isBlank() ? "MONDAY" : weeklyDay.trim();
        weeklyTime = weeklyTime == null || weeklyTime.isBlank() ? "09:00" : weeklyTime.trim();
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(5) : retryBackoff;
        topFiles = topFiles == null ? 5 : topFiles;
        time("DIGEST_TIME", dailyTime);
        time("DIGEST_WEEKLY_TIME", weeklyTime);
        day(weeklyDay);
    }

    /** These settings as an owner sees them: their zone and hour (from "⚙️ Настройки") where chosen (non-null). */
    public DigestProperties forOwner(ZoneId ownerZone, Integer hour) {
        String time = hour == null ? null : LocalTime.of(hour, 0).toString();
        return new DigestProperties(time == null ? dailyTime : time, weeklyDay, time == null ? weeklyTime : time,
                ownerZone == null ? timeZone : ownerZone, checkInterval, retryBackoff, topFiles);
    }

    public LocalTime daily() {
        return time("DIGEST_TIME", dailyTime);
    }

    public LocalTime weekly() {
        return time("DIGEST_WEEKLY_TIME", weeklyTime);
    }

    public DayOfWeek weeklyDayOfWeek() {
        return day(weeklyDay);
    }

    private static LocalTime time(String variable, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(variable + " must be a local time like 09:00, not '" + value + "'", e);
        }
    }

    private static DayOfWeek day(String value) {
        try {
            return DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DIGEST_WEEKLY_DAY must be a day like MONDAY, not '" + value + "'", e);
        }
    }
}
