package ru.smetabot.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.smetabot.local.demo.Demo;
import ru.smetabot.local.demo.DemoServer;

/**
 * {@code ./run-local}: embedded PostgreSQL (data kept under {@code DATA_DIR}), telegram-sandbox (its world
 * kept under {@code DATA_DIR/sandbox}), then userbot, worker and bot as separate processes configured as in
 * production. Every process listens on {@code LOCAL_BIND_ADDRESS} (127.0.0.1) only, and a taken port stops
 * the start before anything runs. The environment passes through to every service, so any setting can be
 * overridden for a run; Ctrl-C stops all, and the next run continues where this one stopped.
 */
public final class LocalSuite implements AutoCloseable {

    /** How long each process may take to answer its health check (LOCAL_START_TIMEOUT, e.g. 6m on a busy machine). */
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    private static final String JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final SuiteSettings settings;
    private final ProcessEnvironments environments;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<LocalProxy> proxies = new ArrayList<>();
    private LocalPostgres postgres;
    private String databaseUrl;

    private LocalSuite(SuiteSettings settings) {
        this.settings = settings;
        this.environments = new ProcessEnvironments(settings);
    }

    public static void main(String[] args) throws Exception {
        // The page's "▶ Демо" button reaches the demo through the sandbox (SANDBOX_DEMO_URL, loopback only).
        DemoServer demo = DemoServer.open();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("SANDBOX_DEMO_URL", demo.url());
        LocalSuite suite = new LocalSuite(SuiteSettings.fromEnvironment(env));
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "local-suite-stop"));
        try {
            suite.start(true);
        } catch (IOException e) {
            System.err.println("\nThe local suite did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(suite.banner());
        SuiteSettings s = suite.settings();
        demo.serve(() -> new Demo(suite.sandboxUrl(), s.botToken(), suite.url(s.ports().userbot()),
                s.apiToken()));
        if (List.of(args).contains("--demo")) {
            log("demo: filling a room (an owner, three files, a link, two clients); about a minute");
            demo.start();
        } else {
            log("demo: press ▶ Демо on the page, or start with ./run-local --demo");
        }
        suite.awaitAnyExit();
        System.exit(1);
    }

    /** Starts everything and returns once every process answers its health check. */
    public static LocalSuite startQuietly(SuiteSettings settings) throws IOException, InterruptedException {
        LocalSuite suite = new LocalSuite(settings);
        try {
            suite.start(false);
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void start(boolean echo) throws IOException, InterruptedException {
        PortCheck.requireFree(settings.bindAddress(), settings.portsByVariable());
        databaseUrl = settings.databaseUrl();
        if (settings.embeddedDatabase()) {
            log("starting embedded PostgreSQL on " + settings.bindAddress() + ":" + settings.postgresPort()
                    + ", data in " + settings.dataDir().resolve("postgres"));
            postgres = startPostgres();
            databaseUrl = postgres.jdbcUrl();
        }
        SuiteSettings.Ports ports = settings.ports();
        Path logs = settings.dataDir().resolve("logs");

        ServiceProcess sandbox = startService("sandbox", ServiceJars.sandbox(settings.home()), environments.sandbox(), ports.sandbox(), logs, echo);
        sandbox.awaitHealthy(startTimeout());

        if (settings.multiInstance()) {
            // The proxies first: the bots register the bot proxy's URL as their webhook when they start.
            for (String service : List.of("userbot", "worker", "bot")) {
                proxies.add(LocalProxy.inFrontOf(service, settings, this::url));
                log("started the " + service + " proxy on " + url(settings.ports().app(service)));
            }
        }
        for (String service : List.of("userbot", "worker", "bot")) {
            for (int k = 1; k <= settings.instances(); k++) {
                SuiteSettings.Ports own = settings.instancePorts(k);
                startService(instanceName(service, k), ServiceJars.service(settings.home(), service + "-service"), serviceEnv(databaseUrl,
                        own.app(service), own.metrics(service), environments.instance(service, k)),
                        own.metrics(service), logs, echo);
            }
        }
        // Six JVMs starting at once on the same cores take far longer than three (over 6 min on two busy cores).
        for (ServiceProcess service : services) {
            service.awaitHealthy(startTimeout().multipliedBy(settings.multiInstance() ? 4 : 1));
        }
    }

    /** {@code bot} with one instance of each service, {@code bot-1} and {@code bot-2} with two. */
    public String instanceName(String service, int k) {
        return settings.multiInstance() ? service + "-" + k : service;
    }

    private ServiceProcess startService(String name, Path jar, Map<String, String> env, int healthPort, Path logs,
            boolean echo) throws IOException {
        log("starting " + name + " (" + settings.home().relativize(jar) + ")");
        // SERVICE_JVM_OPTIONS (e.g. the bench's -Xmx256m) applies to the three services; SANDBOX_JVM_OPTIONS to the sandbox.
        String options = settings.environment().getOrDefault(name.equals("sandbox") ? "SANDBOX_JVM_OPTIONS"
                : "SERVICE_JVM_OPTIONS", JVM_OPTIONS);
        ServiceProcess service = ServiceProcess.start(name, jar, List.of(options.trim().split("\\s+")), env,
                URI.create(url(healthPort) + (name.equals("sandbox") ? "/actuator/health" : "/health")),
                logs, echo);
        services.add(service);
        return service;
    }

    private Duration startTimeout() {
        String value = settings.environment().get("LOCAL_START_TIMEOUT");
        return value == null || value.isBlank() ? DEFAULT_START_TIMEOUT
                : Duration.parse("PT" + value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** JDBC URL of the suite's database (user postgres, no password when embedded). */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** Operating-system process id of a service: sandbox, userbot, worker or bot. */
    public long pid(String name) {
        return service(name).pid();
    }

    public Path logFile(String name) {
        return service(name).logFile();
    }

    /** Kills a service (SIGKILL, like a crash) and starts it again; returns once it is healthy. */
    public void crashAndRestart(String name) throws IOException, InterruptedException {
        ServiceProcess service = service(name);
        service.crashAndRestart();
        service.awaitHealthy(startTimeout());
    }

    /** Kills a service (SIGKILL, like a crash) and leaves it down; {@link #restart} starts it again. */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Starts a killed service again with its command and environment; returns once it is healthy. */
    public void restart(String name) throws IOException, InterruptedException {
        ServiceProcess service = service(name);
        service.relaunch();
        service.awaitHealthy(startTimeout());
    }

    /** The proxy in front of a service's instances (LOCAL_INSTANCES=2): bot, userbot or worker. */
    public LocalProxy proxy(String service) {
        return proxies.stream().filter(p -> p.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no proxy for " + service + " (one instance?)"));
    }

    /** Stops the embedded PostgreSQL (fast shutdown: sessions are cut); {@link #startDatabase} brings it back. */
    public synchronized void stopDatabase() throws IOException {
        if (postgres == null) {
            throw new IllegalStateException("the suite uses an external database (DATABASE_URL), or it is stopped");
        }
        postgres.close();
        postgres = null;
    }

    /** Starts the embedded PostgreSQL again on the same data and port after {@link #stopDatabase}. */
    public synchronized void startDatabase() throws IOException {
        if (postgres != null || !settings.embeddedDatabase()) {
            throw new IllegalStateException("the embedded database is running, or the suite uses an external one");
        }
        postgres = startPostgres();
    }

    private LocalPostgres startPostgres() throws IOException {
        return LocalPostgres.start(settings.dataDir().resolve("postgres"), settings.postgresPort(),
                settings.bindAddress(), settings.host());
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    private Map<String, String> serviceEnv(String databaseUrl, int port, int metricsPort, Map<String, String> own) {
        return environments.service(postgres != null ? databaseUrl : null, port, metricsPort, own);
    }

    private String url(int port) {
        return environments.url(port);
    }

    public String sandboxUrl() {
        return url(settings.ports().sandbox());
    }

    /** What {@code ./run-local} prints once everything is up: the URLs to open. */
    public String banner() {
        return settings.banner();
    }

    private void awaitAnyExit() throws InterruptedException {
        while (services.stream().allMatch(ServiceProcess::isAlive)) {
            Thread.sleep(1000);
        }
        services.stream().filter(s -> !s.isAlive()).forEach(s ->
                System.err.println("\n" + s.name() + " stopped unexpectedly. Last output:\n" + s.lastOutput()));
    }

    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            log("stopping " + services.get(i).name());
            services.get(i).close();
        }
        services.clear();
        proxies.forEach(LocalProxy::close);
        proxies.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }

    private static void log(String line) {
        System.out.println("local-suite | " + line);
    }
}
