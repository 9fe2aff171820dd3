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
 * {@code ./run-bench [all|views-refresh|views-write|storm|latency] [options]}: prints one table per
 * benchmark (see bench/README.md for the options). views-refresh, storm and latency run the whole suite
 * as ./run-local starts it (latency with the services at -Xmx256m); views-write only an embedded
 * PostgreSQL. {@code all} (the default) is views-refresh, storm and latency, each on a suite of its own.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        System.out.println("bench " + String.join(" ", args) + " | commit " + System.getProperty("smetabot.commit", "?")
                + " | " + Runtime.getRuntime().availableProcessors() + " cores | " + java.time.ZonedDateTime.now());
        boolean ok = switch (command) {
            case "views-write" -> {
                viewsWrite(intArg(args, "--rooms", 1000), intArg(args, "--posts", 200), intArg(args, "--rounds", 3));
                yield true;
            }
            case "views-refresh" -> viewsRefresh(args);
            case "storm" -> storm(args);
            case "latency" -> latency(args);
            case "all" -> {
                boolean viewsOk = viewsRefresh(args);
                boolean stormOk = storm(args);
                yield latency(args) && stormOk && viewsOk;
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + command
                    + "; one of all, views-refresh, views-write, storm, latency");
        };
        if (!ok) {
            System.out.println("\nFAILED: see the problems above.");
            System.exit(1);
        }
    }

    /**
     * The join-request storm on a suite of its own; false (after printing why) on loss, duplicates or a missed target.
     * {@code --rate N --duration S}: a paced storm, N requests a second for S seconds (handling latency without the
     * backlog a full-speed storm builds).
     */
    private static boolean storm(String[] args) throws Exception {
        List<Integer> counts = java.util.Arrays.stream(stringArg(args, "--instances", "1").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        boolean ok = true;
        List<String[]> rows = new ArrayList<>();
        for (int instances : counts) {
            StormRun run = storm(args, instances);
            ok &= run.ok();
            rows.add(new String[] {Integer.toString(instances), run.row()[0], run.row()[7], run.row()[8],
                run.row()[9], run.row()[12], run.row()[13]});
        }
        if (counts.size() > 1) {
            print("Join-request storm by number of instances of each service (bots on webhooks behind the local proxy"
                    + " when more than one; each on a suite of its own, one after the other)",
                    new String[] {"instances", "requests", "decided/s", "p50 ms", "p99 ms", "lost", "duplicates"}, rows);
        }
        return ok;
    }

    /** One storm's outcome: whether it passed, and its row of {@link JoinRequestStormBench#HEADER}. */
    private record StormRun(boolean ok, String[] row) {
    }

    /** The storm on a suite of its own with {@code instances} of each service (LOCAL_INSTANCES). */
    private static StormRun storm(String[] args, int instances) throws Exception {
        int rate = intArg(args, "--rate", 0);
        int duration = intArg(args, "--duration", 120);
        int requests = rate > 0 ? rate * duration : intArg(args, "--requests", 10_000);
        int threads = intArg(args, "--threads", 32);
        String jvm = stringArg(args, "--storm-jvm", SuiteUnderBench.RUN_LOCAL_JVM_OPTIONS);
        int failOneIn = intArg(args, "--fail-client-inserts", 0);
        int rooms = intArg(args, "--storm-rooms", 10);
        int linksPerRoom = intArg(args, "--links-per-room", 3);
        Map<String, String> env = new java.util.HashMap<>(JoinRequestStormBench.faultEnvironment(failOneIn));
        env.put("SERVICE_JVM_OPTIONS", jvm);
        env.put("LOCAL_INSTANCES", Integer.toString(instances));
        env.put("SANDBOX_DATA_DIR", SuiteUnderBench.SANDBOX_IN_MEMORY);
        try (SuiteUnderBench suite = SuiteUnderBench.start(home(), env)) {
            JoinRequestStormBench bench = new JoinRequestStormBench(suite, requests, rooms, linksPerRoom, threads, failOneIn,
                    rate);
            JfrProfile jfr = startJfr(suite, args);
            String[] row = bench.run();
            print("Join-request storm: " + requests + " users open invite links "
                    + (rate > 0 ? "paced at " + rate + "/s for " + duration + " s" : "from " + threads + " threads")
                    + (failOneIn > 0 ? ", one client insert in " + failOneIn + " failing" : "")
                    + (instances > 1 ? "; " + instances + " instances of each service, bots on webhooks" : "") + "; the bot"
                    + " (production config, " + jvm + ") decides each by its link's limit. Times from the sandbox:"
                    + " request created -> approve/decline call", JoinRequestStormBench.HEADER, List.<String[]>of(row));
            boolean defaultShape = rooms == 10 && linksPerRoom == 3 && failOneIn == 0 && instances == 1
                    && jvm.equals(SuiteUnderBench.RUN_LOCAL_JVM_OPTIONS);
            Targets targets;
            if (rate > 0) {
                print("Paced storm: handling latency apart from backlog", new String[] {"rate/s", "seconds",
                    "request -> decision p50 ms", "p99 ms", "bench open lag p99 ms", "undecided when the last was opened"},
                        List.<String[]>of(new String[] {Integer.toString(rate), Integer.toString(duration),
                            Long.toString(bench.p50Ms), Long.toString(bench.p99Ms), Long.toString(bench.openLagP99Ms),
                            Long.toString(bench.backlogAtLastOpen)}));
                targets = new Targets(defaultShape && rate == 100 && duration == 120,
                        rate + "/s for " + duration + " s, target 100/s for 120 s");
                targets.atMost("paced request -> decision p99", bench.p99Ms, 1000, "ms");
            } else {
                targets = new Targets(defaultShape && requests == 10_000 && threads == 32,
                        requests + " requests, target 10000");
                targets.atLeast("decisions per second", bench.decidedPerSecond, 500, "/s");
            }
            targets.print("storm");
            printJfr(jfr);
            printMemory(suite, "after the storm");
            List<String> problems = new ArrayList<>(bench.problems);
            problems.addAll(targets.missed);
            return new StormRun(reportProblems("storm", problems), row);
        }
    }

    /**
     * The bot-latency tours on a suite of its own with the services at --jvm (default the services' options at
     * -Xmx256m, as views-refresh); the memory target is checked after the taps, with the bot busiest.
     */
    private static boolean latency(String[] args) throws Exception {
        String jvm = stringArg(args, "--jvm", SuiteUnderBench.BENCH_SERVICE_JVM_OPTIONS);
        int presses = intArg(args, "--presses", 40);
        long think = intArg(args, "--think-ms", 1000);
        try (SuiteUnderBench suite = SuiteUnderBench.start(home(), Map.of("SERVICE_JVM_OPTIONS", jvm,
                "SANDBOX_DATA_DIR", SuiteUnderBench.SANDBOX_IN_MEMORY))) {
            LatencyScenario scenario = new LatencyScenario(suite, intArg(args, "--owners", 100), intArg(args, "--rooms", 50),
                    intArg(args, "--files", 500));
            System.out.println("latency: seeding " + scenario.owners + " owners x " + scenario.rooms + " rooms x "
                    + scenario.files + " files...");
            scenario.seed();
            double userbotBefore = suite.userbotRequests();
            BotLatencyBench bench = new BotLatencyBench(scenario, presses, think);
            JfrProfile jfr = startJfr(suite, args);
            List<String[]> rows = bench.run();
            long userbotCalls = Math.round(suite.userbotRequests() - userbotBefore);
            print("Bot latency: " + scenario.owners + " owners x " + scenario.rooms + " rooms x " + scenario.files
                    + " files, all owners at once, " + presses + " taps each, " + think + " ms (±50%) between taps; "
                    + ViewsRefreshBench.f("%.1f", bench.taps() / bench.seconds) + " taps/s over "
                    + ViewsRefreshBench.f("%.0f", bench.seconds) + " s; services " + jvm + "; userbot requests during the"
                    + " taps: " + userbotCalls + ". Times from the sandbox: callback created -> message edited",
                    BotLatencyBench.HEADER, withWarmUp(rows, bench.warmUpRow()));
            print("Latency seeding", new String[] {"rooms adopted by the bot", "seconds", "publications inserted",
                "seconds", "rows/s"}, List.<String[]>of(new String[] {Integer.toString(scenario.owners * scenario.rooms),
                    ViewsRefreshBench.f("%.1f", scenario.adoptSeconds), Long.toString(scenario.publications),
                    ViewsRefreshBench.f("%.1f", scenario.publicationSeconds),
                    ViewsRefreshBench.f("%.0f", scenario.publications / scenario.publicationSeconds)}));
            print("PostgreSQL time of the screens' queries for one owner of " + scenario.rooms + " rooms x "
                    + scenario.files + " files (EXPLAIN ANALYZE after the taps; --explain prints the plans)",
                    new String[] {"query", "ms", "top plan node"},
                    ScreenQueries.explain(suite, scenario.people.get(0).id, List.of(args).contains("--explain")));
            Targets targets = new Targets(scenario.owners == 100 && scenario.rooms == 50 && scenario.files == 500
                    && presses == 40 && think == 1000, scenario.owners + " owners x " + scenario.rooms + " x " + scenario.files
                    + ", " + presses + " taps, target 100 x 50 x 500, 40 taps");
            for (String[] row : rows) {
                targets.atMost(row[0] + " p50", Long.parseLong(row[2]), 100, "ms");
                targets.atMost(row[0] + " p99", Long.parseLong(row[4]), 500, "ms");
            }
            targets.print("latency");
            printJfr(jfr);
            printMemory(suite, "after the latency run");
            List<String> problems = new ArrayList<>(bench.errors());
            problems.addAll(targets.missed);
            problems.addAll(memoryProblems(suite));
            if (bench.taps() == 0) {
                problems.add("no tap was timed");
            }
            if (userbotCalls > 0) {
                problems.add(userbotCalls + " userbot requests during the taps (expected none)");
            }
            return reportProblems("latency", problems);
        }
    }

    /** {@code --jfr}: a flight recording of the bot during the measured part (null without the option). */
    private static JfrProfile startJfr(SuiteUnderBench suite, String[] args) throws Exception {
        if (!List.of(args).contains("--jfr")) {
            return null;
        }
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(home().resolve("bench/target/jfr"));
        return JfrProfile.start(suite, "bot-service", folder);
    }

    private static void printJfr(JfrProfile jfr) throws Exception {
        if (jfr != null) {
            jfr.stop();
            print("JFR of bot-service during the measured part: execution samples by top frame and by first ru.smetabot"
                    + " frame", new String[] {"#", "top frame", "first project frame"}, jfr.topFrames(15));
            print("JFR of bot-service: where the update threads (bot-updates-*) waited, events over the recording's"
                    + " threshold", new String[] {"event", "first project frame", "events", "total ms"}, jfr.waits(15));
        }
    }

    private static boolean reportProblems(String bench, List<String> problems) {
        if (problems.isEmpty()) {
            System.out.println(bench + ": OK");
            return true;
        }
        System.out.println("\n" + bench + " FAILED, " + problems.size() + " problem(s):");
        problems.stream().limit(20).forEach(p -> System.out.println("  - " + p));
        return false;
    }

    private static void printMemory(SuiteUnderBench suite, String when) throws Exception {
        print("Memory " + when + " (VmRSS from /proc/<pid>/status; PostgreSQL = postmaster + backends)",
                new String[] {"process", "RSS", "-Xmx"}, suite.memoryRows());
    }

    private static Path home() {
        return Path.of(System.getProperty("smetabot.home", ".")).toAbsolutePath().normalize();
    }

    private static List<String[]> withWarmUp(List<String[]> rows, String[] warmUp) {
        List<String[]> all = new ArrayList<>(rows);
        all.add(warmUp);
        return all;
    }

    /** The issue's memory target: each service ≤ 300 MiB RSS at -Xmx256m. */
    static final long SERVICE_RSS_TARGET_MIB = 300;

    /**
     * Views refresh end to end on a suite of its own, the services at --jvm (default the services' own options
     * at -Xmx256m); false (after printing which) when a figure misses its target or the call counts disagree.
     */
    private static boolean viewsRefresh(String[] args) throws Exception {
        String scenarios = stringArg(args, "--scenarios", "1000x200,10x20000");
        String jvm = stringArg(args, "--jvm", SuiteUnderBench.BENCH_SERVICE_JVM_OPTIONS);
        String jfr = stringArg(args, "--jfr", null);
        List<String[]> rows = new ArrayList<>();
        List<String[]> seeding = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> env = new java.util.HashMap<>(SuiteUnderBench.BENCH_SANDBOX);
        env.put("SERVICE_JVM_OPTIONS", jvm);
        try (SuiteUnderBench suite = SuiteUnderBench.start(home(), env)) {
            ViewsRefreshBench bench = new ViewsRefreshBench(suite, jfr == null ? null : Path.of(jfr));
            for (String spec : scenarios.split(",")) {
                String[] size = spec.trim().split("x");
                RefreshScenario scenario = new RefreshScenario(suite, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
                System.out.println("seeding " + spec + " in the sandbox and the database...");
                scenario.seed();
                seeding.add(new String[] {spec, Long.toString(scenario.totalPosts()),
                        ViewsRefreshBench.f("%.1f", scenario.seedSeconds),
                        ViewsRefreshBench.f("%.0f", scenario.totalPosts() / scenario.seedSeconds)});
                System.out.println("refreshing " + spec + "...");
                for (ViewsRefreshBench.Result r : bench.run(scenario)) {
                    rows.add(r.row());
                    problems.addAll(r.problems());
                }
            }
            String concurrency = System.getenv().getOrDefault("REFRESH_CONCURRENCY", "default");
            print("Views refresh end to end: worker (POST /refresh/all, REFRESH_CONCURRENCY " + concurrency + ") -> userbot (sandbox"
                    + " gateway) -> telegram-sandbox -> PostgreSQL; services " + jvm + "; naive on <= "
                    + ViewsRefreshBench.NAIVE_SAMPLE + " rows, raw on all rows; CPU = user + system seconds of each"
                    + " process during the refresh, per 100 000 posts", ViewsRefreshBench.HEADER, rows);
            print("Raw writes of the same counts to the same rows (the fastest is the raw limit above)",
                    ViewsRefreshBench.RAW_HEADER, bench.rawRows);
            if (!bench.profileRows.isEmpty()) {
                print("JFR top frames during each refresh (jdk.ExecutionSample; self = top frame, total = anywhere in"
                        + " the stack); recordings in " + jfr, new String[] {"cycle", "process", "samples", "kind",
                            "frame", "share"}, bench.profileRows);
            }
            print("Seeding (sandbox bulk control API, + one batch insert of the rows the bot would have recorded)",
                    new String[] {"scenario", "posts", "seconds", "posts/s"}, seeding);
            printMemory(suite, "after the views refresh");
            problems.addAll(memoryProblems(suite));
        }
        return reportProblems("views-refresh", problems);
    }

    /** Each service started at -Xmx256m must stay within {@link #SERVICE_RSS_TARGET_MIB}. */
    static List<String> memoryProblems(SuiteUnderBench suite) throws Exception {
        Map<String, String> xmx = suite.maxHeap();
        List<String> problems = new ArrayList<>();
        suite.residentMemoryMib().forEach((name, mib) -> {
            if ("-Xmx256m".equals(xmx.get(name)) && !name.equals("telegram-sandbox") && mib > SERVICE_RSS_TARGET_MIB) {
                problems.add(name + ": RSS " + mib + " MiB at -Xmx256m; target <= " + SERVICE_RSS_TARGET_MIB + " MiB");
            }
        });
        return problems;
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
