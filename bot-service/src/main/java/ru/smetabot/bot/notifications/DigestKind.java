package ru.smetabot.bot.notifications;

import java.util.Locale;

/** The two digests; stored lower-case in {@code core.digest_deliveries.kind} and used as the metrics tag. */
public enum DigestKind {
    DAILY, WEEKLY;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
