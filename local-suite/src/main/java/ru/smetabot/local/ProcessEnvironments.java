package ru.smetabot.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment each process of the local suite starts with: the local defaults, overridden by whatever the
 * caller's environment says, except what the suite assigns itself (ports, the listen address and, with the
 * embedded database, its coordinates).
 */
final class ProcessEnvironments {

    /**
     * glibc's malloc arenas for each JVM (the caller's MALLOC_ARENA_MAX wins): by default up to 8 per core, each
     * holding freed native memory; two keep a service's RSS lower at no measurable cost (bench/README.md, Memory).
     */
    static final String MALLOC_ARENAS = "2";

    /** The secret the local sandbox sends the bots' webhook (LOCAL_INSTANCES=2), unless BOT_WEBHOOK_SECRET is set. */
    static final String LOCAL_WEBHOOK_SECRET = "local-webhook-secret";

    private final SuiteSettings settings;

    ProcessEnvironments(SuiteSettings settings) {
        this.settings = settings;
    }

    /** A service's environment; {@code embeddedDatabaseUrl} is null when the caller gave DATABASE_URL. */
    Map<String, String> service(String embeddedDatabaseUrl, int port, int metricsPort, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(Map.of(
                "BOT_TOKEN", settings.botToken(),
                "USERBOT_API_TOKEN", settings.apiToken(),
                "WORKER_API_TOKEN", settings.workerApiToken(),
                "USERBOT_URL", url(settings.ports().userbot()),
                "MALLOC_ARENA_MAX", MALLOC_ARENAS));
        env.putAll(own);
        env.putAll(passThrough());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("METRICS_PORT", Integer.toString(metricsPort));
        env.put("SERVER_ADDRESS", settings.bindAddress());
        env.put("MANAGEMENT_SERVER_ADDRESS", settings.bindAddress());
        if (embeddedDatabaseUrl != null) {
            env.put("DATABASE_URL", embeddedDatabaseUrl);
            env.put("DATABASE_USER", "postgres");
            env.put("DATABASE_PASSWORD", "");
        }
        return env;
    }

    Map<String, String> sandbox() {
        Map<String, String> env = new HashMap<>(Map.of("MALLOC_ARENA_MAX", MALLOC_ARENAS));
        env.putAll(passThrough());
        env.put("SERVER_PORT", Integer.toString(settings.ports().sandbox()));
        env.put("SERVER_ADDRESS", settings.bindAddress());
        env.putIfAbsent("SANDBOX_BOTS", settings.botToken() + "=" + settings.botUsername());
        env.putIfAbsent("SANDBOX_DATA_DIR", settings.dataDir().resolve("sandbox").toString());
        return env;
    }

    /**
     * Instance {@code k}'s own settings beside the common ones: with LOCAL_INSTANCES=2 the userbots get
     * USERBOT_INSTANCE_ID and USERBOT_INSTANCE_URL (where the other instance forwards requests for accounts this
     * one holds) and share SESSIONS_DIR; the bots take updates by webhook at the bot proxy (its URL
     * is their public URL), checked with a local secret.
     */
    Map<String, String> instance(String service, int k) {
        Map<String, String> env = new HashMap<>();
        SuiteSettings.Ports own = settings.instancePorts(k);
        Path sessions = settings.dataDir().resolve("sessions");
        switch (service) {
            case "userbot" -> {
                env.put("USERBOT_GATEWAY", "sandbox");
                env.put("SANDBOX_URL", url(settings.ports().sandbox()));
                env.put("SESSIONS_DIR", sessions.toString());
                // Only read (imported into PostgreSQL, where the sessions live), so both instances may share it.
                env.put("USERBOT_SANDBOX_SESSIONS_FILE", sessions.resolve("sandbox-sessions.json").toString());
                if (settings.multiInstance()) {
                    env.put("USERBOT_INSTANCE_ID", "userbot-" + k);
                    env.put("USERBOT_INSTANCE_URL", url(own.userbot()));
                }
            }
            case "bot" -> {
                env.put("TELEGRAM_API_URL", url(settings.ports().sandbox()));
                env.put("BOT_PUBLIC_URL", url(settings.ports().bot()));
                if (settings.multiInstance()) {
                    env.put("BOT_UPDATES", "webhook");
                    env.put("BOT_WEBHOOK_SECRET", settings.environment().getOrDefault("BOT_WEBHOOK_SECRET",
                            LOCAL_WEBHOOK_SECRET));
                }
            }
            default -> { }
        }
        return env;
    }

    /** The base URL of a process of the suite listening on {@code port}. */
    String url(int port) {
        return "http://" + settings.host() + ":" + port;
    }

    /** The caller's environment, less the per-process port and address variables the suite assigns itself. */
    private Map<String, String> passThrough() {
        Map<String, String> env = new HashMap<>(settings.environment());
        env.remove("SERVER_PORT");
        env.remove("METRICS_PORT");
        env.remove("SERVER_ADDRESS");
        env.remove("MANAGEMENT_SERVER_ADDRESS");
        return env;
    }
}
