package ru.smetabot.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * {@code ./run-bench [views-refresh|views-write] [--scenarios 1000x200,10x20000] [--rooms N --posts M --rounds R]}:
 * prints one table per benchmark. views-refresh (the default) runs the whole suite as ./run-local
 * starts it; views-write only an embedded PostgreSQL.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("views-write")) {
            viewsWrite(intArg(args, "--rooms", 1000), intArg(args, "--posts", 200), intArg(args, "--rounds", 3));
        } else {
            viewsRefresh(stringArg(args, "--scenarios", "1000x200,10x20000"));
        }
    }

    private static void viewsRefresh(String scenarios) throws Exception {
        Path home = Path.of(System.getProperty("smetabot.home", ".")).toAbsolutePath().normalize();
        List<String[]> rows = new ArrayList<>();
        List<String[]> seeding = new ArrayList<>();
        try (SuiteUnderBench suite = SuiteUnderBench.start(home, Map.of())) {
            ViewsRefreshBench bench = new ViewsRefreshBench(suite);
            for (String spec : scenarios.split(",")) {
                String[] size = spec.trim().split("x");
                RefreshScenario scenario = new RefreshScenario(suite, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
                System.out.println("seeding " + spec + " in the sandbox and the database...");
                scenario.seed();
                seeding.add(new String[] {spec, Long.toString(scenario.totalPosts()),
                        ViewsRefreshBench.f("%.1f", scenario.seedSeconds),
                        ViewsRefreshBench.f("%.0f", scenario.totalPosts() / scenario.seedSeconds)});
                System.out.println("refreshing " + spec + "...");
                bench.run(scenario).forEach(r -> rows.add(r.row()));
            }
            String concurrency = System.getenv().getOrDefault("REFRESH_CONCURRENCY", "4 (default)");
            print("Views refresh end to end: worker (POST /refresh/all, REFRESH_CONCURRENCY " + concurrency + ") -> userbot (sandbox"
                    + " gateway) -> telegram-sandbox -> PostgreSQL; naive on <= " + ViewsRefreshBench.NAIVE_SAMPLE
                    + " rows, raw on all rows", ViewsRefreshBench.HEADER, rows);
            print("Seeding (sandbox control API, 16 threads, + one batch insert of the rows the bot would have recorded)",
                    new String[] {"scenario", "posts", "seconds", "posts/s"}, seeding);
            List<String[]> memory = new ArrayList<>();
            suite.residentMemoryMib().forEach((name, mib) -> memory.add(new String[] {name, mib + " MiB"}));
            print("Memory after the runs (VmRSS from /proc/<pid>/status; each JVM -Xmx384m as ./run-local starts it)",
                    new String[] {"process", "RSS"}, memory);
        }
    }

    private static void viewsWrite(int rooms, int posts, int rounds) throws Exception {
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
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
