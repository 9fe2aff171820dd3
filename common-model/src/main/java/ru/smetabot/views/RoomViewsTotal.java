package ru.smetabot.views;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The room's {@code core.channels.views_total} (V13), recounted in the transaction that wrote its counts: one
 * statement over the room's live posts (index {@code publications_live_idx}). Posts appearing or going adjust the
 * totals through triggers; only changed counts need this, and a row trigger would fire for every post refreshed.
 * A post deleted while the refresh's transaction waits for the room's row can be counted once more until the
 * room's next refresh recounts it.
 */
final class RoomViewsTotal {

    private final JdbcClient jdbc;

    RoomViewsTotal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recounts the rooms' views totals in one statement (the periodic cycle's batches); none is a no-op. */
    void recount(java.util.List<Long> roomIds) {
        if (roomIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE core.channels c SET views_total = coalesce(t.total, 0)
                  FROM unnest(CAST(:rooms AS bigint[])) AS r(id)
                  LEFT JOIN LATERAL (SELECT sum(p.views) AS total FROM core.publications p
                                      WHERE p.channel_id = r.id AND NOT p.deleted) t ON true
                 WHERE c.id = r.id""").param("rooms", roomIds.toArray(Long[]::new)).update();
    }

    void recount(long roomId) {
        recount(java.util.List.of(roomId));
    }
}
