package ru.smetabot.bot.members;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.bot.members.MembersData.ClientLine;
import ru.smetabot.model.clients.ClientStatus;

/**
 * A page of a room's clients with their links' names and the room's client counts, in one statement (through JPA
 * it was four: the page, its count, the links, the active count). The active count is the room's maintained
 * total ({@code core.channels.clients_count}, V13).
 */
@Repository
class MemberRows {

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Page(List<ClientLine> lines, long total, long active) {
    }

    Page page(long roomId, int page, int size) {
        List<ClientLine> lines = new ArrayList<>();
        long[] counts = {0, 0};
        jdbc.sql("""
                SELECT c.clients_count AS active, coalesce(p.total, 0) AS total, p.id, p.full_name, p.username, p.tg_user_id,
                       p.link_name, p.joined_at, p.status
                  FROM core.channels c
                  LEFT JOIN LATERAL (
                        SELECT k.id, k.full_name, k.username, k.tg_user_id, i.name AS link_name, k.joined_at, k.status,
                               count(*) OVER () AS total
                          FROM core.clients k LEFT JOIN core.invites i ON i.id = k.invite_id
                         WHERE k.channel_id = c.id
                         ORDER BY k.joined_at DESC, k.id DESC LIMIT :limit OFFSET :offset) p ON true
                 WHERE c.id = :room
                """).param("room", roomId).param("limit", size).param("offset", (long) Math.max(page, 0) * size)
                .query(rs -> {
                    counts[0] = rs.getLong("active");
                    counts[1] = Math.max(counts[1], rs.getLong("total"));
                    if (rs.getObject("id") != null) {
                        Timestamp joined = rs.getTimestamp("joined_at");
                        lines.add(new ClientLine(rs.getLong("id"), rs.getString("full_name"), rs.getString("username"),
                                rs.getLong("tg_user_id"), rs.getString("link_name"), joined == null ? null : joined.toInstant(),
                                ClientStatus.fromDb(rs.getString("status"))));
                    }
                });
        long total = counts[1];
        if (lines.isEmpty() && page > 0) { // past the last page: the window counted no row, count them
            total = jdbc.sql("SELECT count(*) FROM core.clients WHERE channel_id = :room").param("room", roomId)
                    .query(Long.class).single();
        }
        return new Page(lines, total, counts[0]);
    }
}
