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
        // Per-room totals kept on core.channels (V13: triggers and the views refresh keep them), so the list and its
        // totals line read the owner's room rows; aggregating the publications cost 25 000 rows per tap in the
        // latency bench (50 rooms x 500 files).
        RoomListPage.Overview overview = jdbc.sql("""
                SELECT count(*) FILTER (WHERE archived_at IS NULL) AS rooms,
                       coalesce(sum(files_count) FILTER (WHERE archived_at IS NULL), 0) AS files,
                       coalesce(sum(views_total) FILTER (WHERE archived_at IS NULL), 0) AS views,
                       coalesce(sum(clients_count) FILTER (WHERE archived_at IS NULL), 0) AS clients,
                       count(*) FILTER (WHERE archived_at IS NOT NULL) AS archived
                  FROM core.channels WHERE contractor_id = :owner AND NOT deleted
                """).param("owner", contractorId)
                .query((rs, n) -> new RoomListPage.Overview(rs.getLong("rooms"), rs.getLong("files"),
                        rs.getLong("views"), rs.getLong("clients"), rs.getLong("archived")))
                .single();
        int pages = pages(overview.rooms(), RoomListPage.ROOMS_PER_PAGE);
        int page = Math.min(Math.max(requestedPage, 0), pages - 1);
        List<RoomListPage.RoomLine> rooms = jdbc.sql("""
                SELECT id, title, files_count AS files, views_total AS views FROM core.channels
                 WHERE contractor_id = :owner AND NOT deleted AND archived_at IS NULL
                 ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                """).param("owner", contractorId).param("limit", RoomListPage.ROOMS_PER_PAGE)
                .param("offset", page * RoomListPage.ROOMS_PER_PAGE)
                .query((rs, n) -> new RoomListPage.RoomLine(rs.getLong("id"), rs.getString("title"),
                        rs.getLong("files"), rs.getLong("views")))
                .list();
        return new RoomListPage(overview, rooms, page, pages);
    }

    /** The owner's active rooms whose title contains {@code query} (any case), newest first. */
    public List<RoomListPage.RoomLine> search(long contractorId, String query, int limit) {
        String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT c.id, c.title, c.files_count AS files, c.views_total AS views FROM core.channels c
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND c.archived_at IS NULL AND c.title ILIKE :pattern
                 ORDER BY c.created_at DESC, c.id DESC LIMIT :limit
                """).param("owner", contractorId).param("pattern", pattern).param("limit", limit)
                .query((rs, n) -> new RoomListPage.RoomLine(rs.getLong("id"), rs.getString("title"),
                        rs.getLong("files"), rs.getLong("views")))
                .list();
    }

    /**
     * The card in one statement: the room's maintained totals (V13), when its views were last read, and the page
     * of files (the requested page, or the last one when it asks past the end).
     */
    public CardData card(Room room, int requestedPage) {
        long[] totals = {0, 0};
        Instant[] refreshedAt = {null};
        List<CardData.FileLine> files = new java.util.ArrayList<>();
        jdbc.sql("""
                SELECT c.files_count, c.views_total,
                       (SELECT max(views_refreshed_at) FROM core.publications WHERE channel_id = c.id AND NOT deleted)
                           AS refreshed_at,
                       f.file_name, f.views, f.posted_at, f.members
                  FROM core.channels c
                  LEFT JOIN LATERAL (
                        SELECT coalesce(p.file_name, '—') AS file_name, p.views, p.posted_at, """ + Reach.MEMBERS_AT_POST + """
                               AS members FROM core.publications p
                         WHERE p.channel_id = c.id AND NOT p.deleted ORDER BY p.posted_at DESC, p.id DESC
                         LIMIT :limit OFFSET :limit * least(:page, greatest((c.files_count - 1) / :limit, 0))) f ON true
                 WHERE c.id = :room
                """).param("room", room.getId()).param("limit", CardData.FILES_PER_PAGE)
                .param("page", Math.max(requestedPage, 0))
                .query(rs -> {
                    totals[0] = rs.getLong("files_count");
                    totals[1] = rs.getLong("views_total");
                    refreshedAt[0] = instant(rs.getTimestamp("refreshed_at"));
                    if (rs.getString("file_name") != null) {
                        files.add(new CardData.FileLine(rs.getString("file_name"), rs.getInt("views"),
                                instant(rs.getTimestamp("posted_at")), rs.getLong("members")));
                    }
                });
        int pages = pages(totals[0], CardData.FILES_PER_PAGE);
        int page = Math.min(Math.max(requestedPage, 0), pages - 1);
        return new CardData(room.getId(), room.getTitle(), totals[0], totals[1], refreshedAt[0], files, page, pages, null);
    }

    static int pages(long items, int perPage) {
        return (int) Math.max(1, (items + perPage - 1) / perPage);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
