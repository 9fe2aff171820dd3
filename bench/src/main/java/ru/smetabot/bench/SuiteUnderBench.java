package ru.smetabot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import ru.smetabot.sandbox.client.SandboxClient;

/**
 * The suite exactly as {@code ./run-local} starts it ({@code java -jar local-suite/target/local-suite.jar}:
 * embedded PostgreSQL, sandbox, userbot with the sandbox gateway, worker, bot, each its own JVM), on
 * free ports and a temporary data folder. The periodic refresh is pushed out of the way (24 h), so
 * only the refreshes the bench asks for run. {@code SERVICE_JVM_OPTIONS} in {@code extraEnv} replaces
 * the services' JVM options (the launcher's default: {@link #RUN_LOCAL_JVM_OPTIONS}).
 */
final class SuiteUnderBench implements AutoCloseable {

    static final String API_TOKEN = "bench-userbot-token";
    /** The worker refuses USERBOT_API_TOKEN as its own; its /refresh API has this one. */
    static final String WORKER_TOKEN = "bench-worker-token";
    static final long BOT_ID = 7_000_000_001L;
    static final String BOT_TOKEN = BOT_ID + ":bench-bot-token";
    static final String RUN_LOCAL_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /**
     * views-refresh's default for the three services: the issue's -Xmx256m, C1 as ./run-local (full tiered JIT cost
     * 1.3-1.6x the CPU per post within a bench's few minutes, its compiling never paid back; bench/README.md), and what
     * lowers RSS: a heap that starts small, keeps a small young generation and gives memory back, a capped code cache
     * and metaspace, smaller thread stacks (local-suite adds MALLOC_ARENA_MAX=2). Young generation 16 MiB: the bot after
     * the latency bench was 305-307 MiB with 24 MiB and 300-302 with 16 (live heap 43 MiB, metaspace 106 MiB).
     */
    static final String BENCH_SERVICE_JVM_OPTIONS = "-Xms32m -Xmn16m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=48m"
            + " -XX:MaxMetaspaceSize=192m";
    /**
     * SANDBOX_DATA_DIR for every bench: the sandbox keeps its world in memory. It stands in for Telegram, whose work is
     * not on our machine; its snapshots (the whole world serialised under its lock every 0.5–1 s while the world
     * changes) took 9 % of its CPU in the storm and held every Bot API call while they ran: 481 decisions/s with them,
     * 535/s without, same commit (bench/README.md, "Join-request storm").
     */
    static final String SANDBOX_IN_MEMORY = "";
    /**
     * The sandbox stands in for Telegram: in memory (no world snapshots, a sandbox feature whose serialisation of
     * millions of posts would share the cores with the refresh), with the heap those posts need and full JIT.
     */
    static final Map<String, String> BENCH_SANDBOX = Map.of("SANDBOX_DATA_DIR", SANDBOX_IN_MEMORY,
            "SANDBOX_JVM_OPTIONS", "-Xmx2g -XX:+UseSerialGC");
    static final List<String> SERVICES = List.of("telegram-sandbox", "userbot-service", "worker-service", "bot-service");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Process launcher;
    private final Path dataDir;

    private SuiteUnderBench(Process launcher, Path dataDir) {
        this.launcher = launcher;
        this.dataDir = dataDir;
    }

    static SuiteUnderBench start(Path home, Map<String, String> extraEnv) throws Exception {
        Path dataDir = Files.createTempDirectory("smetabot-bench");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("LOCAL_PG_PORT", "SANDBOX_PORT", "BOT_PORT", "BOT_METRICS_PORT", "USERBOT_PORT",
                "USERBOT_METRICS_PORT", "WORKER_PORT", "WORKER_METRICS_PORT")) {
            int port = freePort();
            while (ports.containsValue(port)) { // the OS may hand the same free port out twice in a row
                port = freePort();
            }
            ports.put(name, port);
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("local-suite/target/local-suite.jar").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("launcher.log").toFile());
        Map<String, String> env = builder.environment();
        ports.forEach((k, v) -> env.put(k, v.toString()));
        env.put("SMETABOT_HOME", home.toString());
        env.put("DATA_DIR", dataDir.toString());
        env.put("USERBOT_API_TOKEN", API_TOKEN);
        env.put("WORKER_API_TOKEN", WORKER_TOKEN);
        env.put("REFRESH_INTERVAL", "24h");
        env.put("VIEWS_IDS_PER_CALL", Integer.toString(ViewsRefreshBench.IDS_PER_CALL));
        env.put("LOCAL_START_TIMEOUT", "8m");   // full-JIT services start slowly on 2 shared cores
        env.put("BOT_TOKEN", BOT_TOKEN);
        env.remove("SERVICE_JVM_OPTIONS");
        env.remove("SANDBOX_JVM_OPTIONS");
        env.remove("DATABASE_URL");
        env.putAll(extraEnv);
        SuiteUnderBench suite = new SuiteUnderBench(builder.start(), dataDir);
        suite.ports.putAll(ports);
        int instances = Integer.parseInt(env.getOrDefault("LOCAL_INSTANCES", "1").trim());
        suite.awaitHealthy(Duration.ofMinutes(10L * instances), instances);
        return suite;
    }

    /**
     * Waits for every service's /health on its metrics port; with LOCAL_INSTANCES=2 instance k listens on the
     * metrics port + 100·k (local-suite's SuiteSettings), and nothing on the port itself.
     */
    private void awaitHealthy(Duration timeout, int instances) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<Integer> healthPorts = new java.util.ArrayList<>();
        for (String port : List.of("BOT_METRICS_PORT", "USERBOT_METRICS_PORT", "WORKER_METRICS_PORT")) {
            if (instances == 1) {
                healthPorts.add(ports.get(port));
            } else {
                for (int k = 1; k <= instances; k++) {
                    healthPorts.add(ports.get(port) + 100 * k);
                }
            }
        }
        for (int port : healthPorts) {
            while (!healthy(port)) {
                if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("the suite did not start; see " + dataDir.resolve("launcher.log"));
                }
                Thread.sleep(500);
            }
        }
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String url(String portName) {
        return "http://localhost:" + ports.get(portName);
    }

    SandboxClient sandbox() {
        return new SandboxClient(url("SANDBOX_PORT"));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + ports.get("LOCAL_PG_PORT") + "/smetabot?user=postgres"
                + "&reWriteBatchedInserts=true";
    }

    /** The process id of a service JVM the launcher started, e.g. "bot-service" (by its jar: ".../bot-service-exec.jar"). */
    long pid(String service) {
        return launcher.descendants().filter(p -> p.info().commandLine().orElse("").contains("/" + service + "-exec.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service + " is not running")).pid();
    }

    /** VmRSS in MiB of each process the launcher started: the four JVMs and PostgreSQL (all its processes). */
    Map<String, Long> residentMemoryMib() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (ProcessHandle p : launcher.descendants().toList()) {
            String command = p.info().commandLine().orElse("");
            Optional<String> name = SERVICES.stream().filter(command::contains).findFirst();
            if (name.isPresent()) {
                rss.merge(name.get(), vmRssKib(p.pid()) / 1024, Long::sum);
            }
        }
        // pg_ctl detaches the postmaster: find it by its data folder, then add its backends.
        String pgData = dataDir.resolve("postgres").toString();
        for (ProcessHandle p : ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("")
                .contains(pgData)).toList()) {
            long kib = vmRssKib(p.pid()) + p.descendants().mapToLong(d -> vmRssKib(d.pid())).sum();
            rss.merge("postgresql (postmaster + backends)", kib / 1024, Long::sum);
        }
        rss.put("local-suite launcher", vmRssKib(launcher.pid()) / 1024);
        return rss;
    }

    /** Requests the userbot has served so far (its http_server_requests count, every URI but health and metrics). */
    double userbotRequests() throws Exception {
        double sum = 0;
        for (String line : RefreshScenario.get(url("USERBOT_METRICS_PORT") + "/metrics").split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{") && !line.contains("uri=\"/metrics\"")
                    && !line.contains("uri=\"/health\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The -Xmx each service JVM was started with (from its command line), e.g. "bot-service" → "-Xmx256m". */
    Map<String, String> maxHeap() {
        Map<String, String> xmx = new LinkedHashMap<>();
        for (ProcessHandle p : launcher.descendants().toList()) {
            List<String> args = List.of(p.info().arguments().orElse(new String[0]));
            String command = String.join(" ", args);
            SERVICES.stream().filter(command::contains).findFirst().ifPresent(name -> xmx.put(name,
                    args.stream().filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).orElse("default")));
        }
        return xmx;
    }

    /** The memory table's rows: process, RSS, and -Xmx for the JVMs. */
    List<String[]> memoryRows() throws IOException {
        Map<String, String> xmx = maxHeap();
        List<String[]> rows = new java.util.ArrayList<>();
        residentMemoryMib().forEach((name, mib) -> rows.add(new String[] {name, mib + " MiB",
                xmx.getOrDefault(name, name.startsWith("local-suite") ? "default" : "")}));
        return rows;
    }

    /** The pid of each service JVM the launcher started, by service name. */
    Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ProcessHandle p : launcher.descendants().toList()) {
            String command = p.info().commandLine().orElse("");
            SERVICES.stream().filter(command::contains).findFirst().ifPresent(name -> pids.put(name, p.pid()));
        }
        return pids;
    }

    /**
     * CPU seconds (user + system, /proc/<pid>/stat) used so far by each service JVM and by PostgreSQL: the
     * postmaster with its reaped children (cutime + cstime) plus its living backends.
     */
    Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        servicePids().forEach((name, pid) -> cpu.put(name, ticks(pid, false) / CLOCK_TICKS));
        String pgData = dataDir.resolve("postgres").toString();
        for (ProcessHandle p : ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("")
                .contains(pgData)).toList()) {
            long ticks = ticks(p.pid(), true) + p.descendants().mapToLong(d -> ticks(d.pid(), false)).sum();
            cpu.merge("postgresql", ticks / CLOCK_TICKS, Double::sum);
        }
        return cpu;
    }

    /** USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double CLOCK_TICKS = 100.0;

    private static long ticks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name "(...)": state is field 3; utime 14, stime 15, cutime 16, cstime 17.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long vmRssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0L);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        launcher.destroy();   // SIGTERM: the launcher's shutdown hook stops every service and PostgreSQL
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
