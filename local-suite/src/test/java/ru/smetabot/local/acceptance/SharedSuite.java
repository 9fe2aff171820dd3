package ru.smetabot.local.acceptance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import ru.smetabot.local.LocalSuite;
import ru.smetabot.local.SuiteSettings;

/**
 * Gives tests the one {@link Suite} of this test run: the LocalSuite processes (sandbox, userbot,
 * worker, bot, each {@code java -jar} with the production configuration) on embedded PostgreSQL and
 * random ports, started at first use and stopped when the whole run ends. Only the settings a
 * person would change for a demo differ: the periodic refresh every 5 s instead of 30 min, and a
 * 10 s rest after a failed refresh instead of 2 min, so "wait 30 minutes" takes seconds.
 */
public final class SharedSuite implements ParameterResolver {

    static final String REFRESH_INTERVAL = "5s";
    private static final int FIRST_PORT = 20_000;
    private static final int PORT_SPAN = 12_000;
    private static final Random RANDOM = new Random();
    /** Ports handed out in this JVM, so two processes of one environment never get the same one. */
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Suite.class, key -> start(), Suite.class);
    }

    private static Suite start() {
        try {
            Path dataDir = Files.createTempDirectory("smetabot-acceptance");
            return new Suite(LocalSuite.startQuietly(SuiteSettings.fromEnvironment(environment(dataDir))));
        } catch (Exception e) {
            throw new IllegalStateException("the local suite did not start: " + e.getMessage(), e);
        }
    }

    /** The acceptance suite's environment on {@code dataDir}: random free ports, the demo's short intervals. */
    static Map<String, String> environment(Path dataDir) throws Exception {
        return environment(dataDir, 1);
    }

    /**
     * The same with {@code instances} of each service (LOCAL_INSTANCES): instance k listens on the service's
     * ports + 100·k, so those are free as well.
     */
    static Map<String, String> environment(Path dataDir, int instances) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SMETABOT_HOME", Path.of("..").toAbsolutePath().normalize().toString());
        env.put("DATA_DIR", dataDir.toString());
        env.remove("DATABASE_URL");
        env.remove("SANDBOX_DATA_DIR");
        env.remove("LOCAL_BIND_ADDRESS");
        for (String name : new String[] {"LOCAL_PG_PORT", "SANDBOX_PORT", "BOT_PORT", "BOT_METRICS_PORT",
                "USERBOT_PORT", "USERBOT_METRICS_PORT", "WORKER_PORT", "WORKER_METRICS_PORT"}) {
            env.put(name, Integer.toString(instances == 1 ? freePort() : freePortWithInstances(instances)));
        }
        env.put("LOCAL_INSTANCES", Integer.toString(instances));
        env.put("REFRESH_INTERVAL", REFRESH_INTERVAL);
        env.put("VIEWS_FAILURE_BACKOFF", "10s");
        // The bot's join-request sweep (5 min in production) finds requests Telegram did not send it.
        env.put("JOIN_REQUEST_SWEEP_INTERVAL", "5s");
        return env;
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux): a port from that range, as
     * {@code new ServerSocket(0)} gives, can be taken by any outgoing connection's local end between this check
     * and the service binding it (RestartTests binds the same ports twice, minutes apart).
     */
    static int freePort() throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(PORT_SPAN);
            if (TAKEN.add(port) && free(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A free port whose instance ports (+100·k) are free too. */
    private static int freePortWithInstances(int instances) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = freePort();
            boolean all = true;
            for (int k = 1; k <= instances && all; k++) {
                int own = port + SuiteSettings.INSTANCE_PORT_STEP * k;
                all = TAKEN.add(own) && free(own);
            }
            if (all) {
                return port;
            }
        }
        throw new IllegalStateException("no free port with free instance ports in 500 tries");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
