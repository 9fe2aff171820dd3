package ru.smetabot.userbotapi;

import java.util.List;
import java.util.Map;

/**
 * View counts by message id, and the ids Telegram no longer has (deleted or never existed).
 * Every requested id is in exactly one of the two.
 */
public record ViewsResponse(Map<Long, Integer> views, List<Long> missing) {

    public ViewsResponse {
        views = Map.copyOf(views == null ? Map.of() : views);
        missing = List.copyOf(missing == null ? List.of() : missing);
    }
}
