package ru.smetabot.bot.invites;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the owner chose for a new link: its name (shown to the owner only, ≤32 characters as Telegram
 * requires), expiry in days (0 = never) and approvals limit (0 = unlimited). The choices are the
 * buttons' values; callback data is untrusted, so anything else is refused.
 */
public record LinkOptions(String name, int expiryDays, int approvalsLimit) {

    public static final int MAX_NAME = 32;
    public static final Set<Integer> EXPIRY_DAYS = Set.of(1, 7, 0);
    public static final Set<Integer> LIMITS = Set.of(1, 5, 10, 0);

    public LinkOptions {
        if (!validName(name) || !EXPIRY_DAYS.contains(expiryDays) || !LIMITS.contains(approvalsLimit)) {
            throw new IllegalArgumentException("invalid link options");
        }
        name = name.strip();
    }

    public static boolean validName(String name) {
        return name != null && !name.isBlank() && name.strip().codePointCount(0, name.strip().length()) <= MAX_NAME
                && name.strip().length() <= MAX_NAME;
    }

    public static boolean validChoice(int expiryDays, int approvalsLimit) {
        return EXPIRY_DAYS.contains(expiryDays) && LIMITS.contains(approvalsLimit);
    }

    public Instant expiresAt(Instant now) {
        return expiryDays == 0 ? null : now.plus(Duration.ofDays(expiryDays));
    }

    public Integer limit() {
        return approvalsLimit == 0 ? null : approvalsLimit;
    }
}
