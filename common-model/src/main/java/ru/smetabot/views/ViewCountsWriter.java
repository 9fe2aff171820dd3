package ru.smetabot.views;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a room's (or many rooms') refreshed counts in one statement: every count, views_refreshed_at, the view
 * snapshots of changed counts, and the deleted flag of missing posts. Counts only grow: a lower
 * number (a stale Telegram cache) keeps the stored one, so nothing stored is ever lowered or zeroed.
 * A post whose count goes from 0 to more gets a {@code first_views} event (once: counts never go back to 0),
 * from which bot-service tells the owner; every other refresh writes no event.
 */
final class ViewCountsWriter {

    private static final String WRITE = """
            WITH input AS (
                SELECT i.id, i.room, i.views
                FROM unnest(CAST(:ids AS bigint[]), CAST(:rooms AS bigint[]), CAST(:views AS integer[]))
                     AS i(id, room, views)
            ), written AS (
                UPDATE core.publications p
                   SET views = CASE WHEN i.views IS NULL THEN p.views ELSE GREATEST(p.views, i.views) END,
                       views_refreshed_at = CASE WHEN i.views IS NULL THEN p.views_refreshed_at ELSE :now END,
                       deleted = (i.views IS NULL)
                  FROM input i
                  JOIN core.publications before ON before.id = i.id
                 WHERE p.id = i.id AND p.channel_id = i.room AND NOT p.deleted
             RETURNING p.id, p.channel_id AS room, p.views AS views, before.views AS old_views,
                       i.views IS NULL AS gone
            ), snapshots AS (
                INSERT INTO analytics.view_snapshots (publication_id, captured_at, views)
                SELECT id, :now, views FROM written WHERE NOT gone AND views <> old_views
            ), first_views AS (
                INSERT INTO analytics.events (event_type, channel_id, details, created_at)
                SELECT 'first_views', room, jsonb_build_object('publication_id', id, 'views', views), :now
                  FROM written WHERE NOT gone AND old_views = 0 AND views > 0
            )
            SELECT room, count(*) FILTER (WHERE NOT gone AND views <> old_views) AS updated,
                   count(*) FILTER (WHERE NOT gone AND views = old_views) AS unchanged,
                   count(*) FILTER (WHERE gone) AS missing
              FROM written GROUP BY room
            """;

    private final JdbcClient jdbc;

    ViewCountsWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A post's new count, or {@code views == null} when Telegram reported it missing. */
    record Count(long publicationId, Integer views) {
    }

    record Written(int updated, int unchanged, int missing) {
        static final Written NONE = new Written(0, 0, 0);
    }

    Written write(long roomId, List<Count> counts, Instant now) {
        return writeAll(Map.of(roomId, counts), now).getOrDefault(roomId, Written.NONE);
    }

    /**
     * {@link #write} of many rooms in one statement (the periodic cycle's batches): the same rules per
     * post; what was written, by room (a room without counts, or none of whose posts matched, is absent).
     */
    Map<Long, Written> writeAll(Map<Long, List<Count>> countsByRoom, Instant now) {
        int n = countsByRoom.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            return Map.of();
        }
        Long[] ids = new Long[n];
        Long[] rooms = new Long[n];
        Integer[] views = new Integer[n];
        int i = 0;
        for (Map.Entry<Long, List<Count>> room : countsByRoom.entrySet()) {
            for (Count c : room.getValue()) {
                ids[i] = c.publicationId();
                rooms[i] = room.getKey();
                views[i++] = c.views();
            }
        }
        Map<Long, Written> written = new HashMap<>();
        jdbc.sql(WRITE)
                .param("ids", ids)
                .param("rooms", rooms)
                .param("views", views)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(rs -> {
                    written.put(rs.getLong("room"),
                            new Written(rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("missing")));
                });
        return written;
    }
}
