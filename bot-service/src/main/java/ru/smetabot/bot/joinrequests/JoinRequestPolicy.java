package ru.smetabot.bot.joinrequests;

import java.time.Instant;
import ru.smetabot.model.clients.ClientStatus;

/**
 * Decides one join request from the link's state and what we know of the requester. Pure, so each
 * rule is unit-tested; the caller holds the link's row lock, so "under its limit" cannot race.
 */
public final class JoinRequestPolicy {

    private JoinRequestPolicy() {
    }

    /** What to do with a request; the declines say why, for the owner and the metrics. */
    public enum Verdict {
        APPROVE, ALREADY_MEMBER, DECLINE_BANNED, DECLINE_REVOKED, DECLINE_EXPIRED, DECLINE_LIMIT;

        public boolean approves() {
            return this == APPROVE || this == ALREADY_MEMBER;
        }

        /** Lower-case tag for metrics and bundle keys. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param link     the link the request came through, as locked in the database
     * @param existing the requester's client status in the room, or null when they are new
     */
    public static Verdict decide(LinkState link, ClientStatus existing, Instant now) {
        if (existing == ClientStatus.BANNED) {
            return Verdict.DECLINE_BANNED;
        }
        if (existing == ClientStatus.ACTIVE) {
            return Verdict.ALREADY_MEMBER;
        }
        if (link.revokedAt() != null) {
            return Verdict.DECLINE_REVOKED;
        }
        if (link.expiresAt() != null && !now.isBefore(link.expiresAt())) {
            return Verdict.DECLINE_EXPIRED;
        }
        if (link.approvalsLimit() != null && link.approvedCount() >= link.approvalsLimit()) {
            return Verdict.DECLINE_LIMIT;
        }
        return Verdict.APPROVE;
    }

    /** The policy-relevant columns of {@code core.invites}; a null limit is unlimited. */
    public record LinkState(long id, long roomId, String name, Instant revokedAt, Instant expiresAt,
            Integer approvalsLimit, int approvedCount) {
    }
}
