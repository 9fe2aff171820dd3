package ru.smetabot.userbotapi;

import java.time.Instant;
import java.util.List;

/**
 * A page of pending join requests.
 *
 * @param totalCount how many requests are pending in total
 * @param next       the cursor of the following page, or null when this is the last one
 */
public record JoinRequestsPage(List<PendingJoinRequest> requests, int totalCount, Cursor next) {

    public JoinRequestsPage {
        requests = List.copyOf(requests == null ? List.of() : requests);
    }

    /** A join request waiting for approval. */
    public record PendingJoinRequest(long userId, Instant date, String bio) {
    }

    /** Telegram pages join requests by (date, user id) of the last one seen. */
    public record Cursor(long date, long userId) {
    }
}
