package ru.smetabot.bot.notifications;

import java.util.Locale;

/** How the owner hears about a room; stored lower-case in {@code core.notification_settings.mode}. */
public enum NotificationMode {
    /** A message per join request, as it happens (the default). */
    INSTANT,
    /** No instant notices: one daily digest with joins, leaves and views gained. */
    DAILY,
    /** Nothing about this room, not even the weekly views digest. */
    OFF;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the mode's label: its own name, not the database value (which may change apart). */
    public String messageKey() {
        return switch (this) {
            case INSTANT -> "notify.mode.instant";
            case DAILY -> "notify.mode.daily";
            case OFF -> "notify.mode.off";
        };
    }

    public static NotificationMode fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
