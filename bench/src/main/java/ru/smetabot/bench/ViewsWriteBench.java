package ru.smetabot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Writing view counts: the original's way (one UPDATE per post, each its own transaction) against
 * every raw way in {@link RawWrites} (the fastest is the "raw limit"), on the same rows.
 */
final class ViewsWriteBench {

    private static final long CHAT_BASE = -1_001_000_000_000L;

    private final String url;
    private final int rooms;
    private final int posts;

    ViewsWriteBench(String url, int rooms, int posts) {
        this.url = url;
        this.rooms = rooms;
        this.posts = posts;
    }

    void seed() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO core.contractors (tg_user_id) VALUES (1)");
            s.execute("INSERT INTO core.channels (contractor_id, tg_chat_id, title) SELECT 1, " + CHAT_BASE
                    + " - g, 'room ' || g FROM generate_series(1, " + rooms + ") g");
            s.execute("INSERT INTO core.publications (channel_id, message_id, file_name) SELECT c.id, m, 'f' || m"
                    + " FROM core.channels c, generate_series(1, " + posts + ") m");
            s.execute("VACUUM ANALYZE core.publications");
        }
    }

    /** The naive way and every raw variant once; the naive figure is each row's "vs naive" divisor. */
    List<String[]> round(int round) throws SQLException {
        double naive = timed(() -> naive(round * 10));
        long total = (long) rooms * posts;
        RawWrites raw = RawWrites.of(url, java.util.stream.LongStream.rangeClosed(1, rooms).boxed().toList());
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(row(round, "naive: UPDATE per post", naive, total, 1.0));
        int base = round * 10 + 1;
        for (var variant : RawWrites.variants().entrySet()) {
            double rate = raw.rate(variant.getValue(), base++);
            rows.add(row(round, variant.getKey(), total / rate, total, naive / (total / rate)));
        }
        return rows;
    }

    private void naive(int views) throws SQLException {
        try (Connection c = connect();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE core.publications SET views = ? WHERE channel_id = ? AND message_id = ?")) {
            for (long room = 1; room <= rooms; room++) {
                for (int message = 1; message <= posts; message++) {
                    update.setInt(1, views + message);
                    update.setLong(2, room);
                    update.setLong(3, message);
                    update.executeUpdate();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static String[] row(int round, String variant, double seconds, long rows, double speedup) {
        return new String[] {Integer.toString(round), variant, String.format(Locale.ROOT, "%.2f", seconds),
                String.format(Locale.ROOT, "%.0f", rows / seconds), String.format(Locale.ROOT, "%.1fx", speedup)};
    }

    private static double timed(SqlWork work) throws SQLException {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }
}
