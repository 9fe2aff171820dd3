package ru.smetabot.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * {@code ./run-bench [--rooms N] [--posts M] [--rounds R]}: starts an embedded PostgreSQL with the
 * production schema and prints one table per benchmark.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int rooms = intArg(args, "--rooms", 1000);
        int posts = intArg(args, "--posts", 200);
        int rounds = intArg(args, "--rounds", 3);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource db = pg.getDatabase("postgres", "postgres");
            Flyway.configure().dataSource(db).locations("classpath:db/migration")
                    .schemas("core", "analytics", "quartz").defaultSchema("core").load().migrate();
            String url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";

            List<String[]> rows = new ArrayList<>();
            ViewsWriteBench bench = new ViewsWriteBench(url, rooms, posts);
            bench.seed();
            for (int round = 1; round <= rounds; round++) {
                rows.addAll(bench.round(round));
            }
            print("Views write: " + rooms + " rooms x " + posts + " posts (" + rooms * posts + " rows per run)",
                    new String[] {"round", "variant", "seconds", "rows/s", "vs naive"}, rows);
        }
    }

    static void print(String title, String[] header, List<String[]> rows) {
        System.out.println();
        System.out.println(title);
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder format = new StringBuilder("|");
        for (int width : widths) {
            format.append(" %-").append(width).append("s |");
        }
        String line = format.append("%n").toString();
        System.out.printf(Locale.ROOT, line, (Object[]) header);
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, line, (Object[]) row);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
