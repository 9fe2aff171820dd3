package ru.smetabot.bot.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates as owners read them, in one place: "03.12.2026" and "03.12.2026 14:05", in the zone given — the room
 * owner's ({@code settings.OwnerZones}: their choice in ⚙️ Настройки, else BOT_TIME_ZONE). Screens, answers and
 * CSV exports use these, so a date reads the same everywhere.
 */
public final class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Dates() {
    }

    /** "03.12.2026": the day {@code instant} falls on in {@code zone}. */
    public static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    /** "03.12.2026" for a day already cut in the owner's zone. */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** "03.12.2026 14:05" in {@code zone}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }
}
