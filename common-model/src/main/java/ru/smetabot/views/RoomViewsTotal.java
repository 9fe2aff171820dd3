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

    void recount(long roomId) {
        jdbc.sql("""
                UPDATE core.channels SET views_total = (SELECT coalesce(sum(views), 0) FROM core.publications
                                                         WHERE channel_id = :room AND NOT deleted)
                 WHERE id = :room""").param("room", roomId).update();
    }
}
