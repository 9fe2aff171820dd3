package ru.smetabot.userbotapi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * One page of a room's pending join requests, newest first. Start with no offset; pass the
 * previous page's {@link JoinRequestsPage#next()} to continue.
 *
 * @param inviteLink optional: only requests made through this link
 * @param offset     where the previous page ended, or null for the first page
 * @param limit      page size, 1..100 (default 100)
 */
public record JoinRequestsRequest(
        @NotNull @Positive Long account,
        @NotNull Long chatId,
        String inviteLink,
        JoinRequestsPage.Cursor offset,
        @Min(1) @Max(100) Integer limit) {

    public JoinRequestsRequest {
        limit = limit == null ? 100 : limit;
    }
}
