package ru.smetabot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN ANALYZE of the SQL behind the screens the latency bench opens, for one owner and one room of
 * the seeded data: where a slow screen's time goes in PostgreSQL. The statements are copies of
 * bot-service's {@code RoomStats} (room list, card) and {@code MemberRows} (members page); keep them in step. The
 * room list's old aggregate (before the V13 totals) is kept for comparison.
 */
final class ScreenQueries {

    private ScreenQueries() {
    }

    static List<String[]> explain(SuiteUnderBench suite, long ownerTgId, boolean printPlans) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl()); Statement s = c.createStatement()) {
            long owner;
            long room;
            try (ResultSet rs = s.executeQuery("SELECT k.id, max(c.id) FROM core.contractors k JOIN core.channels c"
                    + " ON c.contractor_id = k.id WHERE k.tg_user_id = " + ownerTgId + " GROUP BY k.id")) {
                rs.next();
                owner = rs.getLong(1);
                room = rs.getLong(2);
            }
            String[][] queries = {
                {"room list: totals", """
                    SELECT count(*) AS rooms, coalesce(sum(files_count), 0) AS files, coalesce(sum(views_total), 0) AS views,
                           coalesce(sum(clients_count), 0) AS clients
                      FROM core.channels WHERE contractor_id = %1$d AND NOT deleted"""},
                {"room list: page of 6", """
                    SELECT id, title, files_count AS files, views_total AS views FROM core.channels
                     WHERE contractor_id = %1$d AND NOT deleted
                     ORDER BY created_at DESC, id DESC LIMIT 6 OFFSET 6"""},
                {"(before V13) room list: totals by aggregate", """
                    SELECT (SELECT count(*) FROM core.channels c WHERE c.contractor_id = %1$d AND NOT c.deleted) AS rooms,
                           count(p.id) AS files, coalesce(sum(p.views), 0) AS views,
                           (SELECT count(*) FROM core.clients k JOIN core.channels c ON c.id = k.channel_id
                             WHERE c.contractor_id = %1$d AND NOT c.deleted AND k.status = 'active') AS clients
                      FROM core.channels c JOIN core.publications p ON p.channel_id = c.id AND NOT p.deleted
                     WHERE c.contractor_id = %1$d AND NOT c.deleted"""},
                {"card: totals and files page 3 (one statement)", """
                    SELECT c.files_count, c.views_total,
                           (SELECT max(views_refreshed_at) FROM core.publications WHERE channel_id = c.id AND NOT deleted)
                               AS refreshed_at,
                           f.file_name, f.views, f.posted_at
                      FROM core.channels c
                      LEFT JOIN LATERAL (
                            SELECT coalesce(file_name, '—') AS file_name, views, posted_at FROM core.publications
                             WHERE channel_id = c.id AND NOT deleted ORDER BY posted_at DESC, id DESC
                             LIMIT 5 OFFSET 5 * least(2, greatest((c.files_count - 1) / 5, 0))) f ON true
                     WHERE c.id = %2$d"""},
                {"members: page 2 with counts and link names", """
                    SELECT c.clients_count AS active, coalesce(p.total, 0) AS total, p.id, p.full_name, p.username,
                           p.tg_user_id, p.link_name, p.joined_at, p.status
                      FROM core.channels c
                      LEFT JOIN LATERAL (
                            SELECT k.id, k.full_name, k.username, k.tg_user_id, i.name AS link_name, k.joined_at, k.status,
                                   count(*) OVER () AS total
                              FROM core.clients k LEFT JOIN core.invites i ON i.id = k.invite_id
                             WHERE k.channel_id = c.id
                             ORDER BY k.joined_at DESC, k.id DESC LIMIT 8 OFFSET 8) p ON true
                     WHERE c.id = %2$d"""}};
            for (String[] q : queries) {
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q[1].formatted(owner, room))) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
                String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?")
                        .replaceAll("[^0-9.]", "");
                rows.add(new String[] {q[0], time, plan.get(0).replaceAll("\\s+\\(cost=.*", "").trim()});
                if (printPlans) {
                    System.out.println("\n-- " + q[0] + "\n" + String.join("\n", plan));
                }
            }
        }
        return rows;
    }
}
