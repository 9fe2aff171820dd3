package ru.smetabot.userbotapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * View counts by message id, and the ids Telegram no longer has (deleted or never existed). Every requested
 * id is in exactly one of the two, unless {@link #stopped()} is set: then only the ids of the batches read
 * before the stop are, and the others were not asked (a {@link GetViewsRequest#partial() partial} answer).
 *
 * @param stopped the Telegram error that stopped the reading part-way, or null (left out of the JSON)
 */
public record ViewsResponse(Map<Long, Integer> views, List<Long> missing,
        @JsonInclude(JsonInclude.Include.NON_NULL) Stop stopped) {

    public ViewsResponse {
        views = Map.copyOf(views == null ? Map.of() : views);
        missing = List.copyOf(missing == null ? List.of() : missing);
    }

    /** A complete answer. */
    public ViewsResponse(Map<Long, Integer> views, List<Long> missing) {
        this(views, missing, null);
    }

    /**
     * The error that stopped a partial answer, as the userbot would have answered it on its own (problem detail).
     *
     * @param status     the HTTP status the error alone would have had (429 for a flood wait)
     * @param type       one of {@link UserbotProblems}
     * @param detail     what an operator reads
     * @param retryAfter seconds to wait (flood wait), else null
     */
    public record Stop(int status, URI type, String detail, Long retryAfter) {

        /** The same exception the caller would have got for the error alone. */
        public UserbotException toException() {
            Duration wait = Duration.ofSeconds(retryAfter == null || retryAfter < 1 ? 1 : retryAfter);
            return UserbotErrors.exception(status, type, detail, wait, "POST " + UserbotApi.GET_VIEWS);
        }
    }
}
