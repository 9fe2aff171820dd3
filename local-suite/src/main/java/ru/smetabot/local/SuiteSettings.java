package ru.smetabot.local;

import java.nio.file.Path;
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
 * @param environment  everything the settings were read from; passed through to every process, so any
 *                     service setting (e.g. REFRESH_INTERVAL) can be given for one run
 */
public record SuiteSettings(Path home, Path dataDir, String databaseUrl, int postgresPort, Ports ports, String botToken,
        String botUsername, String apiToken, String workerApiToken, Map<String, String> environment) {

    static final String LOCAL_BOT_TOKEN = "7000000001:LOCAL-sandbox-bot-token";
    static final String LOCAL_API_TOKEN = "local-userbot-token";
    static final String LOCAL_WORKER_TOKEN = "local-worker-token";

    public record Ports(int sandbox, int bot, int botMetrics, int userbot, int userbotMetrics, int worker, int workerMetrics) {
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
                Map.copyOf(env));
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
}
