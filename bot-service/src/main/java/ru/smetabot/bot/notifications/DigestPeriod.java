package ru.smetabot.bot.notifications;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One digest's period: due at {@code dueAt} (local {@code date}), it covers {@code [from, to)} with
 * {@code to == dueAt}; the weekly one compares with {@code [previousFrom, from)}.
 */
public record DigestPeriod(DigestKind kind, LocalDate date, Instant dueAt, Instant from, Instant to, Instant previousFrom) {
}
