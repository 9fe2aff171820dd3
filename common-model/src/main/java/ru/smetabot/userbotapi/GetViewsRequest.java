package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Read the view counts of posts in a room without adding a view. Any number of ids up to
 * {@value #MAX_IDS}: the userbot asks Telegram in batches of at most 100.
 *
 * @param account    Telegram user id of the connected account that reads the room
 * @param chatId     the room's Bot API chat id ({@code -100…})
 * @param messageIds Bot API message ids of the posts
 * @param partial    true: when a Telegram error (flood wait, outage, lost access…) stops the reading after at
 *                   least one batch of 100 was read, answer 200 with the counts read and the error as
 *                   {@link ViewsResponse#stopped()} instead of the error alone; null or false: the error alone
 *                   (how callers that predate this field are answered)
 */
public record GetViewsRequest(
        @NotNull @Positive Long account,
        @NotNull Long chatId,
        @NotEmpty @Size(max = GetViewsRequest.MAX_IDS) List<@NotNull @Positive Long> messageIds,
        Boolean partial) {

    public static final int MAX_IDS = 10_000;

    /** A request answered all or nothing (no partial answers). */
    public GetViewsRequest(Long account, Long chatId, List<Long> messageIds) {
        this(account, chatId, messageIds, null);
    }

    /** Whether the caller takes partial answers. */
    public boolean acceptsPartial() {
        return Boolean.TRUE.equals(partial);
    }
}
