package ru.smetabot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Views refresh end to end: the worker's periodic routine ({@code POST /refresh/all}) → userbot
 * (sandbox gateway) → sandbox → PostgreSQL, timed from the request until every room's run is
 * finished; then, on the same rows of the same database, the naive baseline (one UPDATE per post,
 * each its own transaction) and the raw limit (the fastest of {@link RawWrites}' variants).
 */
final class ViewsRefreshBench {

    /** The naive baseline is slow by design; it runs on at most this many rows and its rate is used. */
    static final int NAIVE_SAMPLE = 20_000;
    /** The naive baseline with synchronous_commit=on (PostgreSQL's and production's default) is slower still. */
    static final int NAIVE_DURABLE_SAMPLE = 2_000;

    /** The target: the end-to-end refresh at ≥ 60% of the fastest raw write. */
    static final double TARGET_SHARE_OF_RAW = 0.60;
    /**
     * Message ids per worker → userbot call (VIEWS_IDS_PER_CALL, set for the suite's worker); the userbot asks
     * Telegram (the sandbox) 100 at a time.
     */
    static final int IDS_PER_CALL = 1000;
    /** The processes whose CPU is counted, in the table's order. */
    static final List<String> CPU_PROCESSES = List.of("worker-service", "userbot-service", "telegram-sandbox", "postgresql");

    record Result(String scenario, String refresh, double seconds, long posts, long userbotCalls, long served,
            long expectedCalls, long telegramCalls, long expectedTelegramCalls, double getViewsMs, double sandboxMs,
            long updated, double naiveRate, double durableNaiveRate, double rawRate, Map<String, Double> cpu) {

        double rate() {
            return posts / seconds;
        }

        boolean callsAgree() {
            return userbotCalls == expectedCalls && served == expectedCalls && telegramCalls == expectedTelegramCalls;
        }

        String[] row() {
            List<String> row = new ArrayList<>(List.of(scenario, refresh, f("%.1f", seconds), f("%.0f", rate()),
                    userbotCalls + " / " + served + " / " + expectedCalls + "; " + telegramCalls + " / "
                            + expectedTelegramCalls + (callsAgree() ? " ok" : " MISMATCH"),
                    Long.toString(updated), f("%.1f", getViewsMs), f("%.1f", sandboxMs), f("%.0f", naiveRate),
                    f("%.0f", durableNaiveRate), f("%.0f", rawRate), f("%.1fx", rate() / naiveRate),
                    f("%.0f%%", 100 * rate() / rawRate)));
            for (String process : CPU_PROCESSES) {
                row.add(f("%.2f", cpu.getOrDefault(process, 0.0) * 100_000 / posts));
            }
            return row.toArray(String[]::new);
        }

        /** What misses a target, for the bench's failure list; empty when none. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!callsAgree()) {
                problems.add(scenario + ", " + refresh + ": userbot calls " + userbotCalls + " (worker) / " + served
                        + " (userbot), expected " + expectedCalls + "; Telegram getViews " + telegramCalls
                        + ", expected " + expectedTelegramCalls);
            }
            if (rate() < TARGET_SHARE_OF_RAW * rawRate) {
                problems.add(scenario + ", " + refresh + ": views refresh at " + f("%.0f%%", 100 * rate() / rawRate)
                        + " of raw (" + f("%.0f", rate()) + " of " + f("%.0f", rawRate) + " posts/s); target >= "
                        + f("%.0f%%", 100 * TARGET_SHARE_OF_RAW));
            }
            return problems;
        }
    }

    static final String[] HEADER = {"scenario", "refresh", "seconds", "posts/s", "calls: worker / userbot / Σceil(p/" + IDS_PER_CALL + "); getViews / Σceil(p/100)",
        "updated", "ms/get_views (userbot)", "ms/getViews (sandbox)", "naive rows/s", "naive sync-commit rows/s",
        "raw rows/s (fastest)", "vs naive", "vs raw", "CPU s/100k posts: worker", "userbot", "sandbox", "postgresql"};

    /** Every raw variant's rate per scenario, side by side: scenario, variant, rows/s, share of the fastest. */
    final List<String[]> rawRows = new ArrayList<>();
    static final String[] RAW_HEADER = {"scenario", "raw variant", "rows/s", "vs fastest"};
    /** The top frames of each profiled cycle (with --jfr). */
    final List<String[]> profileRows = new ArrayList<>();

    private final SuiteUnderBench suite;
    private final Profiles profiles;

    /** {@code jfrDir} null: no profiling. */
    ViewsRefreshBench(SuiteUnderBench suite, Path jfrDir) {
        this.suite = suite;
        this.profiles = jfrDir == null ? null : new Profiles(jfrDir, profiled(suite.servicePids()));
    }

    private static Map<String, Long> profiled(Map<String, Long> pids) {
        Map<String, Long> three = new LinkedHashMap<>(pids);
        three.remove("bot-service");
        return three;
    }

    List<Result> run(RefreshScenario scenario) throws Exception {
        String name = scenario.rooms + " x " + scenario.posts;
        List<Result> results = new ArrayList<>();
        Map<String, Double> cpu0 = suite.cpuSeconds();
        long[] changed = profiled(name + " changed", () -> refreshAll(scenario));
        Map<String, Double> cpu1 = suite.cpuSeconds();
        long[] unchanged = profiled(name + " unchanged", () -> refreshAll(scenario));
        Map<String, Double> cpu2 = suite.cpuSeconds();
        double naive = naiveRate(scenario, NAIVE_SAMPLE, false);
        double durable = naiveRate(scenario, NAIVE_DURABLE_SAMPLE, true);
        double raw = rawRate(name, scenario);
        results.add(result(name, "all counts changed", scenario, changed, naive, durable, raw, minus(cpu1, cpu0)));
        results.add(result(name, "no count changed", scenario, unchanged, naive, durable, raw, minus(cpu2, cpu1)));
        retire(scenario);
        return results;
    }

    @FunctionalInterface
    private interface Cycle {
        long[] run() throws Exception;
    }

    private long[] profiled(String label, Cycle cycle) throws Exception {
        if (profiles == null) {
            return cycle.run();
        }
        profiles.start();
        long[] measured = cycle.run();
        for (String[] row : profiles.stop(label)) {
            String[] labelled = new String[row.length + 1];
            labelled[0] = label;
            System.arraycopy(row, 0, labelled, 1, row.length);
            profileRows.add(labelled);
        }
        return measured;
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    private static Result result(String name, String kind, RefreshScenario s, long[] m, double naive, double durable,
            double raw, Map<String, Double> cpu) {
        return new Result(name, kind, m[0] / 1e9, s.totalPosts(), m[1], m[3], s.expectedCalls(IDS_PER_CALL), m[6],
                s.expectedCalls(100), m[4] / 1000.0, m[5] / 1000.0, m[2], naive, durable, raw, cpu);
    }

    /**
     * {nanos, userbot calls the worker made, posts updated, get_views the userbot served, µs per get_views
     * in the userbot, µs per sandbox getViews call, sandbox getViews calls} of one cycle.
     */
    private long[] refreshAll(RefreshScenario scenario) throws Exception {
        double[] before = userbotMetrics();
        long[] measured = timedCycle(scenario);
        double[] after = userbotMetrics();
        long served = Math.round(after[0] - before[0]);
        long sandboxCalls = Math.round(after[2] - before[2]);
        return new long[] {measured[0], measured[1], measured[2], served,
            served == 0 ? 0 : Math.round((after[1] - before[1]) * 1e6 / served),
            sandboxCalls == 0 ? 0 : Math.round((after[3] - before[3]) * 1e6 / sandboxCalls), sandboxCalls};
    }

    /** From the userbot's /metrics: get_views served and their seconds; sandbox getViews calls and their seconds. */
    private double[] userbotMetrics() throws Exception {
        String metrics = RefreshScenario.get(suite.url("USERBOT_METRICS_PORT") + "/metrics");
        return new double[] {
            sum(metrics, "http_server_requests_seconds_count{", "uri=\"/rooms/get_views\""),
            sum(metrics, "http_server_requests_seconds_sum{", "uri=\"/rooms/get_views\""),
            sum(metrics, "userbot_telegram_calls_seconds_count{", "method=\"getViews\""),
            sum(metrics, "userbot_telegram_calls_seconds_sum{", "method=\"getViews\"")};
    }

    private static double sum(String metrics, String series, String label) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private long[] timedCycle(RefreshScenario scenario) throws Exception {
        Instant since = Instant.now().minusMillis(5);
        long start = System.nanoTime();
        RefreshScenario.post(suite.url("WORKER_PORT") + "/refresh/all", SuiteUnderBench.WORKER_TOKEN, null);
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl());
                PreparedStatement runs = c.prepareStatement("""
                        SELECT count(*), coalesce(sum(userbot_calls), 0), coalesce(sum(updated), 0),
                               count(*) FILTER (WHERE outcome <> 'refreshed')
                          FROM analytics.refresh_runs WHERE started_at >= ? AND finished_at IS NOT NULL""")) {
            runs.setTimestamp(1, Timestamp.from(since));
            while (true) {
                try (ResultSet rs = runs.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= scenario.rooms) {
                        long nanos = System.nanoTime() - start;
                        if (rs.getLong(4) > 0) {
                            throw new IllegalStateException(rs.getLong(4) + " rooms were not refreshed; see the worker log");
                        }
                        return new long[] {nanos, rs.getLong(2), rs.getLong(3)};
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * One UPDATE per post, each its own transaction, on up to {@code sample} rows. The embedded server
     * runs with synchronous_commit=off (zonky's default); {@code durable} turns it on for the session,
     * as PostgreSQL's default and the production compose file have it, so each commit waits for the WAL flush.
     */
    private double naiveRate(RefreshScenario scenario, int sample, boolean durable) throws SQLException {
        long rows = 0;
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl());
                Statement session = c.createStatement();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE core.publications SET views = ?, views_refreshed_at = now() WHERE channel_id = ? AND message_id = ?")) {
            session.execute("SET synchronous_commit = " + (durable ? "on" : "off"));
            outer:
            for (int r = 0; r < scenario.rooms; r++) {
                for (int message : scenario.messageIds[r]) {
                    update.setInt(1, 10 + message % 7);
                    update.setLong(2, scenario.roomIds.get(r));
                    update.setLong(3, message);
                    update.executeUpdate();
                    if (++rows == sample) {
                        break outer;
                    }
                }
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    /** Every {@link RawWrites} variant on the scenario's rows; the fastest is the raw limit. */
    private double rawRate(String name, RefreshScenario scenario) throws SQLException {
        RawWrites raw = RawWrites.of(suite.jdbcUrl(), scenario.roomIds);
        Map<String, Double> rates = new LinkedHashMap<>();
        int base = 20;
        for (var variant : RawWrites.variants().entrySet()) {
            rates.put(variant.getKey(), raw.rate(variant.getValue(), base += 10));
        }
        double fastest = rates.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        rates.forEach((variant, rate) -> rawRows.add(new String[] {name, variant, f("%.0f", rate),
                f("%.0f%%", 100 * rate / fastest)}));
        return fastest;
    }

    /** The next scenario's cycle must see only its own rooms. */
    private void retire(RefreshScenario scenario) throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("UPDATE core.channels SET deleted = true WHERE id BETWEEN " + scenario.roomIds.get(0) + " AND "
                    + scenario.roomIds.get(scenario.roomIds.size() - 1));
        }
    }

    static String f(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
