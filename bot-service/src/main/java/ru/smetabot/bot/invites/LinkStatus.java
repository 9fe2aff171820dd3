package ru.smetabot.bot.invites;

import java.time.Instant;
import ru.smetabot.model.invites.InviteLink;

/** Where a link stands, as the owner sees it in the list. */
public enum LinkStatus {
    ACTIVE, FULL, EXPIRED, REVOKED;

    public static LinkStatus of(InviteLink link, Instant now) {
        if (link.isRevoked()) {
            return REVOKED;
        }
        if (link.isExpiredAt(now)) {
            return EXPIRED;
        }
        return link.hasApprovalsLeft() ? ACTIVE : FULL;
    }

    /** The bundle key of the status's label (the same as {@link #key()}). */
    public String messageKey() {
        return key();
    }

    public String key() {
        return "links.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
