package ru.smetabot.bot.e2e;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;

/**
 * One telegram-sandbox per test JVM with the bot's test token. Never reset: update ids restart with a
 * fresh sandbox, and the bot's processed_updates table (shared embedded database) would take them
 * for redeliveries. Tests keep apart by using their own user ids ({@link #newUserId()}).
 */
final class BotSandbox {

    static final long BOT_ID = 7_100_001L;
    static final String TOKEN = BOT_ID + ":bot-service-e2e";
    static final String LOGIN_CODE = "12345";

    private static final AtomicLong USER_IDS = new AtomicLong(5_000_000L);
    private static SandboxServer server;

    private BotSandbox() {
    }

    static synchronized SandboxServer server() {
        if (server == null) {
            server = SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=smeta_e2e_bot"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    static SandboxClient client() {
        return server().client();
    }

    static long newUserId() {
        return USER_IDS.incrementAndGet();
    }
}
