package ru.smetabot.bot.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.bot.channels.Reach;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.model.rooms.Room;

/**
 * Writes a room's files and members as CSV for Excel: UTF-8 with a BOM (else Excel reads Cyrillic as
 * ANSI), ';' between cells (Russian Excel's list separator), dates in the owner's zone. Rows are read
 * {@value #PAGE} at a time by id and written straight to a temporary file, so a large room is never
 * held in memory. Text a client controls (names) is kept from being read as an Excel formula.
 */
final class RoomExports {

    static final int PAGE = 500;
    static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();
    private static final long CHANNEL_ID_BASE = -1_000_000_000_000L;

    private final JdbcClient jdbc;
    private final Texts texts;
    private final ZoneId zone;

    RoomExports(JdbcClient jdbc, Texts texts, ZoneId zone) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.zone = zone;
    }

    /** The same exports with dates in {@code zone} (the room owner's, {@link ru.smetabot.bot.settings.OwnerZones}). */
    RoomExports withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new RoomExports(jdbc, texts, zone);
    }

    /** A written CSV: delete {@code path} once sent. */
    record ExportFile(Path path, String fileName, long rows) {
    }

    /** Every file ever published in the room, deleted ones marked, oldest first, with its reach ({@link Reach}). */
    ExportFile files(Room room, Locale locale) {
        String yes = texts.get(locale, "reports.csv.yes");
        String no = texts.get(locale, "reports.csv.no");
        return write(room, locale, "files", """
                SELECT p.id, p.file_name, p.message_id, p.posted_at, p.views, p.views_refreshed_at, p.deleted,
                       """ + Reach.MEMBERS_AT_POST + """
                       AS members
                  FROM core.publications p WHERE p.channel_id = :room AND p.id > :after ORDER BY p.id LIMIT :limit
                """, rs -> List.of(text(rs.getString("file_name")), rs.getLong("message_id"),
                link(room, rs.getLong("message_id")), time(rs.getTimestamp("posted_at")), rs.getInt("views"),
                time(rs.getTimestamp("views_refreshed_at")), rs.getBoolean("deleted") ? yes : no,
                reach(rs.getInt("views"), rs.getLong("members"))));
    }

    /** Everyone who joined through the bot's links, with the link's name and their status now. */
    ExportFile members(Room room, Locale locale) {
        return write(room, locale, "members", """
                SELECT c.id, c.full_name, c.username, c.tg_user_id, i.name AS link_name, c.joined_at, c.status
                  FROM core.clients c LEFT JOIN core.invites i ON i.id = c.invite_id
                 WHERE c.channel_id = :room AND c.id > :after ORDER BY c.id LIMIT :limit
                """, rs -> List.of(text(rs.getString("full_name")), text(rs.getString("username")),
                rs.getLong("tg_user_id"), text(rs.getString("link_name")), time(rs.getTimestamp("joined_at")),
                texts.get(locale, "reports.csv.status." + rs.getString("status"))));
    }

    /**
     * Acknowledgements: one row per file with the "✅ Ознакомлен" button and client who is in the room now or
     * acknowledged it, with when (empty: not yet). Rows are paged by a row number over that join.
     */
    ExportFile acknowledgements(Room room, Locale locale) {
        String yes = texts.get(locale, "reports.csv.yes");
        String no = texts.get(locale, "reports.csv.no");
        return write(room, locale, "acks", """
                SELECT * FROM (
                    SELECT row_number() OVER (ORDER BY p.id, c.id) AS id, p.file_name, p.message_id, c.full_name,
                           c.username, c.tg_user_id, a.acknowledged_at
                      FROM core.publications p
                      JOIN core.acknowledgement_files f ON f.publication_id = p.id
                      JOIN core.clients c ON c.channel_id = p.channel_id
                      LEFT JOIN core.acknowledgements a ON a.publication_id = p.id AND a.client_id = c.id
                     WHERE p.channel_id = :room AND (c.status = 'active' OR a.id IS NOT NULL)) r
                 WHERE id > :after ORDER BY id LIMIT :limit
                """, rs -> List.of(text(rs.getString("file_name")), rs.getLong("message_id"), text(rs.getString("full_name")),
                text(rs.getString("username")), rs.getLong("tg_user_id"),
                rs.getTimestamp("acknowledged_at") == null ? no : yes, time(rs.getTimestamp("acknowledged_at"))));
    }

    /** Whether the room has a file with the "✅ Ознакомлен" button (else there is nothing to export about them). */
    boolean hasAcknowledgements(Room room) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM core.publications p JOIN core.acknowledgement_files f ON f.publication_id = p.id
                                WHERE p.channel_id = :room)""").param("room", room.getId()).query(Boolean.class).single();
    }

    private ExportFile write(Room room, Locale locale, String kind, String pageSql, Row row) {
        String[] header = texts.get(locale, "reports.csv." + kind + "_header").split("\\|");
        Path path;
        try {
            path = Files.createTempFile("smetabot-" + kind + "-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary file for the " + kind + " export", e);
        }
        record Line(long id, List<Object> cells) {
        }
        long rows = 0;
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write('\uFEFF'); // before the printer: it writes the header as soon as it is made
            CSVPrinter csv = FORMAT.builder().setHeader(header).get().print(out);
            long after = 0;
            while (true) {
                List<Line> page = jdbc.sql(pageSql).param("room", room.getId()).param("after", after).param("limit", PAGE)
                        .query((rs, n) -> new Line(rs.getLong("id"), row.cells(rs))).list();
                for (Line line : page) {
                    csv.printRecord(line.cells());
                }
                rows += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            csv.flush();
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException("Writing the " + kind + " export failed", e);
        } catch (RuntimeException e) {
            delete(path);
            throw e;
        }
        String name = texts.get(locale, "reports.csv." + kind + "_file", fileSafe(room.getTitle()));
        return new ExportFile(path, name, rows);
    }

    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover in the temporary directory is harmless
        }
    }

    /** t.me link of a post: public channels by username, private ones by the /c/ form members can open. */
    private static String link(Room room, long messageId) {
        if (room.getUsername() != null && !room.getUsername().isBlank()) {
            return "https://t.me/" + room.getUsername() + "/" + messageId;
        }
        long chatId = room.getTgChatId();
        return chatId < CHANNEL_ID_BASE ? "https://t.me/c/" + (CHANNEL_ID_BASE - chatId) + "/" + messageId : "";
    }

    /** Reach in whole percent ({@link Reach}); empty when nobody was a member at posting. */
    private static String reach(int views, long members) {
        Integer percent = Reach.percent(views, members);
        return percent == null ? "" : percent.toString();
    }

    private String time(Timestamp timestamp) {
        return timestamp == null ? "" : Dates.dateTime(timestamp.toInstant(), zone);
    }

    /** Excel runs a cell starting with = + - @ as a formula; a client's name must stay text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String fileSafe(String title) {
        String safe = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return safe.length() > 60 ? safe.substring(0, 60) : safe;
    }

    @FunctionalInterface
    private interface Row {
        List<Object> cells(ResultSet rs) throws SQLException;
    }
}
