package ru.smetabot.local;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the local run needs to know, from the environment, with the documented local defaults.
 *
 * @param home         SMETABOT_HOME: the project folder holding the built jars (default: current folder)
 * @param dataDir      DATA_DIR: PostgreSQL data, sessions and logs, kept between runs (default: ./data)
 * @param databaseUrl  DATABASE_URL: when set, that database is used and no embedded one is started
 * @param postgresPort LOCAL_PG_PORT: port of the embedded PostgreSQL (default 54329)
 * @param ports        the app and metrics ports of each process
 * @param botToken     BOT_TOKEN: the bot's token; locally a sandbox bot of that token is declared
 * @param botUsername  BOT_USERNAME: the local bot's username in the sandbox
 * @param apiToken     USERBOT_API_TOKEN: shared by the userbot and its callers
 * @param workerApiToken WORKER_API_TOKEN: the worker's own /refresh token (the worker refuses USERBOT_API_TOKEN)
 * @param bindAddress  LOCAL_BIND_ADDRESS: the address every process listens on (default 127.0.0.1, this machine
 *                     only; {@code 0.0.0.0} opens the suite, which has no authentication, to the network)
 * @param environment  everything the settings were read from; passed through to every process, so any
 *                     service setting (e.g. REFRESH_INTERVAL) can be given for one run
 * @param instances    LOCAL_INSTANCES: 1 (default: one of each service, the bot on long polling) or 2 (two of each
 *                     service, the bots on webhooks; bot, userbot and worker each behind a {@link LocalProxy} on the
 *                     service's port, instance k on the service's ports + 100·k)
 */
public record SuiteSettings(Path home, Path dataDir, String databaseUrl, int postgresPort, Ports ports, String botToken,
        String botUsername, String apiToken, String workerApiToken, String bindAddress, Map<String, String> environment,
        int instances) {

    /** How far instance k's ports are from the service's ports, per k, with LOCAL_INSTANCES=2. */
    public static final int INSTANCE_PORT_STEP = 100;

    static final String LOCAL_BOT_TOKEN = "7000000001:LOCAL-sandbox-bot-token";
    static final String LOCAL_API_TOKEN = "local-userbot-token";
    static final String LOCAL_WORKER_TOKEN = "local-worker-token";
    static final String LOCAL_BIND_ADDRESS = "127.0.0.1";

    public record Ports(int sandbox, int bot, int botMetrics, int userbot, int userbotMetrics, int worker, int workerMetrics) {

        /** The app port of bot, userbot or worker. */
        public int app(String service) {
            return switch (service) {
                case "bot" -> bot;
                case "userbot" -> userbot;
                case "worker" -> worker;
                default -> throw new IllegalArgumentException("no service " + service);
            };
        }

        /** The metrics (and /health) port of bot, userbot or worker. */
        public int metrics(String service) {
            return switch (service) {
                case "bot" -> botMetrics;
                case "userbot" -> userbotMetrics;
                case "worker" -> workerMetrics;
                default -> throw new IllegalArgumentException("no service " + service);
            };
        }
    }

    /** Several instances of each service behind local proxies (LOCAL_INSTANCES=2). */
    public boolean multiInstance() {
        return instances > 1;
    }

    /**
     * The ports instance {@code k} (1-based) of each service listens on: the service's ports with one instance,
     * else the service's ports + 100·k (the service's own port is then its proxy's). The sandbox is always one.
     */
    public Ports instancePorts(int k) {
        if (!multiInstance()) {
            return ports;
        }
        int d = INSTANCE_PORT_STEP * k;
        Ports p = ports;
        return new Ports(p.sandbox(), p.bot() + d, p.botMetrics() + d, p.userbot() + d, p.userbotMetrics() + d,
                p.worker() + d, p.workerMetrics() + d);
    }

    /** Whether the suite starts its own PostgreSQL (no DATABASE_URL given). */
    public boolean embeddedDatabase() {
        return databaseUrl == null || databaseUrl.isBlank();
    }

    /** The host in the suite's own URLs: localhost (127.0.0.1, or every interface), else the one bind address. */
    public String host() {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            if (address.isAnyLocalAddress() || bindAddress.equals("localhost")
                    || address.getHostAddress().equals("127.0.0.1")) {
                return "localhost";
            }
            return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("LOCAL_BIND_ADDRESS is not an address of this machine: " + bindAddress);
        }
    }

    /** Each port the suite will listen on, by the variable that moves it. */
    public Map<String, Integer> portsByVariable() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SANDBOX_PORT", this.ports.sandbox());
        ports.put("BOT_PORT", this.ports.bot());
        ports.put("BOT_METRICS_PORT", this.ports.botMetrics());
        ports.put("USERBOT_PORT", this.ports.userbot());
        ports.put("USERBOT_METRICS_PORT", this.ports.userbotMetrics());
        ports.put("WORKER_PORT", this.ports.worker());
        ports.put("WORKER_METRICS_PORT", this.ports.workerMetrics());
        if (multiInstance()) {
            // The service ports are the proxies'; metrics have no proxy, each instance has its own.
            ports.remove("BOT_METRICS_PORT");
            ports.remove("USERBOT_METRICS_PORT");
            ports.remove("WORKER_METRICS_PORT");
        }
        for (int k = 1; multiInstance() && k <= instances; k++) {
            String plus = "+" + INSTANCE_PORT_STEP * k + " (instance " + k + ")";
            for (String service : new String[] {"bot", "userbot", "worker"}) {
                String variable = service.toUpperCase(java.util.Locale.ROOT);
                ports.put(variable + "_PORT" + plus, instancePorts(k).app(service));
                ports.put(variable + "_METRICS_PORT" + plus, instancePorts(k).metrics(service));
            }
        }
        if (embeddedDatabase()) {
            ports.put("LOCAL_PG_PORT", postgresPort);
        }
        return ports;
    }

    public static SuiteSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("SMETABOT_HOME", ".")).toAbsolutePath().normalize();
        return new SuiteSettings(
                home,
                home.resolve(env.getOrDefault("DATA_DIR", "data")).normalize(),
                env.get("DATABASE_URL"),
                port(env, "LOCAL_PG_PORT", 54329),
                new Ports(port(env, "SANDBOX_PORT", 8080),
                        port(env, "BOT_PORT", 8081), port(env, "BOT_METRICS_PORT", 9465),
                        port(env, "USERBOT_PORT", 8082), port(env, "USERBOT_METRICS_PORT", 9466),
                        port(env, "WORKER_PORT", 8083), port(env, "WORKER_METRICS_PORT", 9464)),
                env.getOrDefault("BOT_TOKEN", LOCAL_BOT_TOKEN),
                env.getOrDefault("BOT_USERNAME", "smetabot_local_bot"),
                env.getOrDefault("USERBOT_API_TOKEN", LOCAL_API_TOKEN),
                env.getOrDefault("WORKER_API_TOKEN", LOCAL_WORKER_TOKEN),
                bindAddress(env),
                Map.copyOf(env),
                instances(env));
    }

    private static int instances(Map<String, String> env) {
        String value = env.getOrDefault("LOCAL_INSTANCES", "").trim();
        if (value.isEmpty() || value.equals("1")) {
            return 1;
        }
        if (value.equals("2")) {
            return 2;
        }
        throw new IllegalArgumentException("LOCAL_INSTANCES must be 1 (one of each service, long polling) or 2 (two of "
                + "each, the bots on webhooks behind a local proxy), got: " + value);
    }

    private static String bindAddress(Map<String, String> env) {
        String value = env.get("LOCAL_BIND_ADDRESS");
        return value == null || value.isBlank() ? LOCAL_BIND_ADDRESS : value.trim();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), got: " + value);
        }
    }

    /** The URLs of a running suite, as {@code ./run-local} prints them. */
    String banner() {
        Ports p = ports;
        return """

                ================================================================
                 SmetaBot is running locally%s.
                   Chat with the bot (telegram-sandbox): http://%s:%d/
                %s%s%s   data     %s (kept for the next run)
                   logs     %s
                 Listening on %s only (LOCAL_BIND_ADDRESS). Press Ctrl-C to stop everything.
                ================================================================
                """.formatted(multiInstance() ? " (" + instances + " instances of each service)" : "", host(),
                p.sandbox(), bannerLine("bot"), bannerLine("userbot"), bannerLine("worker"),
                dataDir(), dataDir().resolve("logs"), bindAddress());
    }

    private String bannerLine(String service) {
        String base = "   %-8s http://%s:%d".formatted(service, host(), ports.app(service));
        if (!multiInstance()) {
            return base + "   metrics http://%s:%d/metrics%n".formatted(host(), ports.metrics(service));
        }
        StringBuilder line = new StringBuilder(base).append(" (proxy) →");
        for (int k = 1; k <= instances; k++) {
            line.append(" :").append(instancePorts(k).app(service)).append(" (metrics :")
                    .append(instancePorts(k).metrics(service)).append(')');
        }
        return line.append(System.lineSeparator()).toString();
    }
}
