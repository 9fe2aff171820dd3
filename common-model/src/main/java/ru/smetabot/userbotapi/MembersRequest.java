package ru.smetabot.userbotapi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * One page of a room's members as the account (an admin) sees them.
 *
 * @param offset how many members the previous pages held
 * @param limit  page size, 1..200 (default 200; Telegram's own page limit)
 */
public record MembersRequest(@NotNull @Positive Long account, @NotNull Long chatId, @Min(0) Integer offset,
        @Min(1) @Max(200) Integer limit) {

    public MembersRequest {
        offset = offset == null ? 0 : offset;
        limit = limit == null ? 200 : limit;
    }
}
