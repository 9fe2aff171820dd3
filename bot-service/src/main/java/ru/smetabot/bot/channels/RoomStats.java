package ru.smetabot.bot.channels;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.model.rooms.Room;

/** Read-only SQL for the owner's screens: totals, a page of rooms with counts, a room's card. */
@Repository
public class RoomStats {

    private final JdbcClient jdbc;

    public RoomStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RoomListPage roomList(long contractorId, int requestedPage) {
        RoomListPage.Overview overview = jdbc.sql("""
                SELECT (SELECT count(*) FROM core.channels c WHERE c.contractor_id = :owner AND NOT c.deleted
                          AND c.archived_at IS NULL) AS rooms,
                       count(p.id) AS files, coalesce(sum(p.views), 0) AS views,
                       (SELECT count(*) FROM core.clients k JOIN core.channels c ON c.id = k.channel_id
                         WHERE c.contractor_id = :owner AND NOT c.deleted AND c.archived_at IS NULL
                           AND k.status = 'active') AS clients
                  FROM core.channels c JOIN core.publications p ON p.channel_id = c.id AND NOT p.deleted
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND c.archived_at IS NULL
                """).param("owner", contractorId)
                .query((rs, n) -> new RoomListPage.Overview(rs.getLong("rooms"), rs.getLong("files"),
                        rs.getLong("views"), rs.getLong("clients")))
                .single();
        int pages = pages(overview.rooms(), RoomListPage.ROOMS_PER_PAGE);
        int page = Math.min(Math.max(requestedPage, 0), pages - 1);
        // The page's rooms first, then counts for those only: aggregating every room of the owner and
        // then taking six cost 25 000 rows per page in the latency bench (50 rooms x 500 files).
        List<RoomListPage.RoomLine> rooms = jdbc.sql("""
                SELECT c.id, c.title, s.files, s.views
                  FROM (SELECT id, title, created_at FROM core.channels
                         WHERE contractor_id = :owner AND NOT deleted AND archived_at IS NULL
                         ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset) c
                  CROSS JOIN LATERAL (SELECT count(*) AS files, coalesce(sum(p.views), 0) AS views
                                        FROM core.publications p WHERE p.channel_id = c.id AND NOT p.deleted) s
                 ORDER BY c.created_at DESC, c.id DESC
                """).param("owner", contractorId).param("limit", RoomListPage.ROOMS_PER_PAGE)
                .param("offset", page * RoomListPage.ROOMS_PER_PAGE)
                .query((rs, n) -> new RoomListPage.RoomLine(rs.getLong("id"), rs.getString("title"),
                        rs.getLong("files"), rs.getLong("views")))
                .list();
        return new RoomListPage(overview, rooms, page, pages);
    }

    /** How many of the owner's rooms are archived ("🗄 Архив (N)" under the list). */
    public long archivedCount(long contractorId) {
        return jdbc.sql("SELECT count(*) FROM core.channels WHERE contractor_id = :owner AND NOT deleted AND archived_at IS NOT NULL")
                .param("owner", contractorId).query(Long.class).single();
    }

    /** The owner's active rooms whose title contains {@code query} (any case), newest first. */
    public List<RoomListPage.RoomLine> search(long contractorId, String query, int limit) {
        String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT c.id, c.title, count(p.id) AS files, coalesce(sum(p.views), 0) AS views
                  FROM core.channels c LEFT JOIN core.publications p ON p.channel_id = c.id AND NOT p.deleted
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND c.archived_at IS NULL AND c.title ILIKE :pattern
                 GROUP BY c.id ORDER BY c.created_at DESC, c.id DESC LIMIT :limit
                """).param("owner", contractorId).param("pattern", pattern).param("limit", limit)
                .query((rs, n) -> new RoomListPage.RoomLine(rs.getLong("id"), rs.getString("title"),
                        rs.getLong("files"), rs.getLong("views")))
                .list();
    }

    public CardData card(Room room, int requestedPage) {
        record Totals(long files, long views, Instant refreshedAt) {
        }
        Totals totals = jdbc.sql("""
                SELECT count(*) AS files, coalesce(sum(views), 0) AS views, max(views_refreshed_at) AS refreshed_at
                  FROM core.publications WHERE channel_id = :room AND NOT deleted
                """).param("room", room.getId())
                .query((rs, n) -> new Totals(rs.getLong("files"), rs.getLong("views"), instant(rs.getTimestamp("refreshed_at"))))
                .single();
        int pages = pages(totals.files(), CardData.FILES_PER_PAGE);
        int page = Math.min(Math.max(requestedPage, 0), pages - 1);
        List<CardData.FileLine> files = jdbc.sql("""
                SELECT coalesce(p.file_name, '—') AS file_name, p.views, p.posted_at, """ + Reach.MEMBERS_AT_POST + """
                        AS members FROM core.publications p
                 WHERE p.channel_id = :room AND NOT p.deleted ORDER BY p.posted_at DESC, p.id DESC LIMIT :limit OFFSET :offset
                """).param("room", room.getId()).param("limit", CardData.FILES_PER_PAGE)
                .param("offset", page * CardData.FILES_PER_PAGE)
                .query((rs, n) -> new CardData.FileLine(rs.getString("file_name"), rs.getInt("views"),
                        instant(rs.getTimestamp("posted_at")), rs.getLong("members")))
                .list();
        return new CardData(room.getId(), room.getTitle(), totals.files(), totals.views(), totals.refreshedAt(),
                files, page, pages, null);
    }

    static int pages(long items, int perPage) {
        return (int) Math.max(1, (items + perPage - 1) / perPage);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
