package ru.smetabot.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Ways to apply the same view counts to the same rows of {@code core.publications} with nothing but
 * JDBC: each sets {@code views} and {@code views_refreshed_at = now()} of every post of every room. The
 * fastest of them is the bench's "raw limit": what the database can do, without HTTP, JSON, run rows,
 * snapshots or events. Every variant writes {@code base + message_id % 7}, so a round with a new base
 * changes every row (as the refresh's "all counts changed").
 */
final class RawWrites {

    /** Rooms per round trip for the variants that batch rooms; 100 rooms x 200 posts = 20 000 rows per statement. */
    static final int ROOMS_PER_TRIP = 100;
    /** Rows per statement for the one-UPDATE-over-all-rooms and COPY variants. */
    static final int ROWS_PER_STATEMENT = 20_000;

    private final String url;
    private final long[] roomIds;
    private final long[][] publicationIds;
    private final int[][] messageIds;

    private RawWrites(String url, long[] roomIds, long[][] publicationIds, int[][] messageIds) {
        this.url = url;
        this.roomIds = roomIds;
        this.publicationIds = publicationIds;
        this.messageIds = messageIds;
    }

    /** Reads the rooms' live posts (ids, message ids) once, outside any timing. */
    static RawWrites of(String url, List<Long> rooms) throws SQLException {
        long[] roomIds = rooms.stream().mapToLong(Long::longValue).toArray();
        long[][] ids = new long[roomIds.length][];
        int[][] messages = new int[roomIds.length][];
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement s = c.prepareStatement("SELECT id, message_id FROM core.publications"
                        + " WHERE channel_id = ? AND NOT deleted ORDER BY message_id")) {
            for (int r = 0; r < roomIds.length; r++) {
                s.setLong(1, roomIds[r]);
                List<long[]> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                ids[r] = rows.stream().mapToLong(x -> x[0]).toArray();
                messages[r] = rows.stream().mapToInt(x -> (int) x[1]).toArray();
            }
        }
        return new RawWrites(url, roomIds, ids, messages);
    }

    long rows() {
        long n = 0;
        for (long[] ids : publicationIds) {
            n += ids.length;
        }
        return n;
    }

    @FunctionalInterface
    interface Variant {
        void write(RawWrites data, Connection c, int base) throws SQLException;
    }

    /** The variants, by name, in the order they run. */
    static Map<String, Variant> variants() {
        Map<String, Variant> v = new LinkedHashMap<>();
        v.put("JDBC batch INSERT ... ON CONFLICT DO UPDATE, one batch + commit per room", RawWrites::upsertPerRoom);
        v.put("UPDATE ... FROM unnest(ids, views), one per room, " + ROOMS_PER_TRIP + " rooms per round trip + commit",
                RawWrites::unnestPerRoomBatched);
        v.put("one UPDATE ... FROM unnest over all rooms' arrays, " + ROWS_PER_STATEMENT + " rows per statement",
                RawWrites::unnestAcrossRooms);
        v.put("COPY into a temp table + UPDATE ... FROM it, " + ROWS_PER_STATEMENT + " rows per COPY",
                RawWrites::copyThenUpdate);
        return v;
    }

    /** Runs one variant on all rows; its rows per second. */
    double rate(Variant variant, int base) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            variant.write(this, c, base);
            return rows() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static int views(int base, int messageId) {
        return base + messageId % 7;
    }

    private void upsertPerRoom(Connection c, int base) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO core.publications (channel_id, message_id, views, views_refreshed_at)
                VALUES (?, ?, ?, now())
                ON CONFLICT (channel_id, message_id)
                DO UPDATE SET views = EXCLUDED.views, views_refreshed_at = EXCLUDED.views_refreshed_at""")) {
            for (int r = 0; r < roomIds.length; r++) {
                for (int message : messageIds[r]) {
                    upsert.setLong(1, roomIds[r]);
                    upsert.setLong(2, message);
                    upsert.setInt(3, views(base, message));
                    upsert.addBatch();
                }
                upsert.executeBatch();
                c.commit();
            }
        }
    }

    private static final String UNNEST_UPDATE = """
            UPDATE core.publications p SET views = i.views, views_refreshed_at = now()
              FROM unnest(?::bigint[], ?::integer[]) AS i(id, views) WHERE p.id = i.id""";

    private void unnestPerRoomBatched(Connection c, int base) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UNNEST_UPDATE)) {
            for (int r = 0; r < roomIds.length; r++) {
                update.setArray(1, c.createArrayOf("bigint", boxed(publicationIds[r])));
                update.setArray(2, c.createArrayOf("integer", views(base, messageIds[r], 0, messageIds[r].length)));
                update.addBatch();
                if ((r + 1) % ROOMS_PER_TRIP == 0 || r == roomIds.length - 1) {
                    update.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private void unnestAcrossRooms(Connection c, int base) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UNNEST_UPDATE)) {
            forChunks((ids, views) -> {
                Array idArray = c.createArrayOf("bigint", ids);
                update.setArray(1, idArray);
                update.setArray(2, c.createArrayOf("integer", views));
                update.executeUpdate();
                c.commit();
            }, base);
        }
    }

    private void copyThenUpdate(Connection c, int base) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS raw_counts (id bigint, views integer) ON COMMIT DELETE ROWS");
            c.commit();
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            forChunks((ids, views) -> {
                StringBuilder text = new StringBuilder(ids.length * 16);
                for (int i = 0; i < ids.length; i++) {
                    text.append(ids[i]).append('\t').append(views[i]).append('\n');
                }
                try {
                    copy.copyIn("COPY raw_counts FROM STDIN", new StringReader(text.toString()));
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                s.executeUpdate("UPDATE core.publications p SET views = t.views, views_refreshed_at = now()"
                        + " FROM raw_counts t WHERE p.id = t.id");
                c.commit();
            }, base);
        }
    }

    @FunctionalInterface
    private interface Chunk {
        void write(Long[] ids, Integer[] views) throws SQLException;
    }

    /** All rooms' rows in chunks of {@link #ROWS_PER_STATEMENT}, regardless of room boundaries. */
    private void forChunks(Chunk chunk, int base) throws SQLException {
        List<Long> ids = new ArrayList<>(ROWS_PER_STATEMENT);
        List<Integer> views = new ArrayList<>(ROWS_PER_STATEMENT);
        for (int r = 0; r < roomIds.length; r++) {
            for (int i = 0; i < publicationIds[r].length; i++) {
                ids.add(publicationIds[r][i]);
                views.add(views(base, messageIds[r][i]));
                if (ids.size() == ROWS_PER_STATEMENT) {
                    chunk.write(ids.toArray(Long[]::new), views.toArray(Integer[]::new));
                    ids.clear();
                    views.clear();
                }
            }
        }
        if (!ids.isEmpty()) {
            chunk.write(ids.toArray(Long[]::new), views.toArray(Integer[]::new));
        }
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static Integer[] views(int base, int[] messages, int from, int to) {
        Integer[] views = new Integer[to - from];
        for (int i = from; i < to; i++) {
            views[i - from] = views(base, messages[i]);
        }
        return views;
    }
}
