package ru.smetabot.sandbox;

import java.util.Map;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;

/** One sandbox per test JVM (started on first use, on a random port); tests reset it before each case. */
public final class TestSandbox {

    public static final long BOT_ID = 700_001L;
    public static final String TOKEN = BOT_ID + ":sandbox-test-token";
    public static final String BOT_USERNAME = "sandbox_test_bot";

    private static SandboxServer server;

    private TestSandbox() {
    }

    public static synchronized SandboxServer server() {
        if (server == null) {
            server = SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=" + BOT_USERNAME));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Resets the world (the configured test bot stays) and returns the control client. */
    public static SandboxClient fresh() {
        SandboxClient client = server().client();
        client.reset();
        return client;
    }

    public static TelegramUrl url() {
        return TelegramUrl.builder().schema("http").host("localhost").port(server().port()).testServer(false).build();
    }

    public static TelegramClient telegram() {
        return telegram(TOKEN);
    }

    public static TelegramClient telegram(String token) {
        return new OkHttpTelegramClient(token, url());
    }
}
