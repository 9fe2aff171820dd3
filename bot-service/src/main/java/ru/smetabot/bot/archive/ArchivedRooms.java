package ru.smetabot.bot.archive;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.model.rooms.Room;

/** Read-only SQL for "🗄 Архив": the owner's archived rooms, a page at a time, and one archived room's numbers. */
@Repository
public class ArchivedRooms {

    private final JdbcClient jdbc;

    ArchivedRooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many archived rooms the owner has (the "🗄 Архив (N)" button shows it). */
    public long count(long contractorId) {
        return jdbc.sql("SELECT count(*) FROM core.channels WHERE contractor_id = :owner AND NOT deleted AND archived_at IS NOT NULL")
                .param("owner", contractorId).query(Long.class).single();
    }

    ArchiveViews.ListPage page(long contractorId, int requestedPage) {
        int pages = Pager.pages(count(contractorId), ArchiveViews.ROOMS_PER_PAGE);
        int page = Pager.clamp(requestedPage, pages);
        List<ArchiveViews.RoomLine> rooms = jdbc.sql("""
                SELECT id, title, archived_at FROM core.channels
                 WHERE contractor_id = :owner AND NOT deleted AND archived_at IS NOT NULL
                 ORDER BY archived_at DESC, id DESC LIMIT :limit OFFSET :offset
                """).param("owner", contractorId).param("limit", ArchiveViews.ROOMS_PER_PAGE)
                .param("offset", page * ArchiveViews.ROOMS_PER_PAGE)
                .query((rs, n) -> new ArchiveViews.RoomLine(rs.getLong("id"), rs.getString("title"),
                        rs.getTimestamp("archived_at").toInstant()))
                .list();
        return new ArchiveViews.ListPage(rooms, page, pages);
    }

    ArchiveViews.Card card(Room room) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM core.publications WHERE channel_id = :room AND NOT deleted) AS files,
                       (SELECT coalesce(sum(views), 0) FROM core.publications WHERE channel_id = :room AND NOT deleted) AS views,
                       (SELECT count(*) FROM core.clients WHERE channel_id = :room AND status = 'active') AS clients
                """).param("room", room.getId())
                .query((rs, n) -> new ArchiveViews.Card(room.getId(), room.getTitle(), room.getArchivedAt(),
                        rs.getLong("files"), rs.getLong("views"), rs.getLong("clients")))
                .single();
    }

    /** The numbers the confirmation names: usable links and clients in the room. */
    ArchiveViews.Confirm confirm(Room room) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM core.invites WHERE channel_id = :room AND revoked_at IS NULL) AS links,
                       (SELECT count(*) FROM core.clients WHERE channel_id = :room AND status = 'active') AS clients
                """).param("room", room.getId())
                .query((rs, n) -> new ArchiveViews.Confirm(room.getId(), room.getTitle(), rs.getLong("links"),
                        rs.getLong("clients")))
                .single();
    }
}
