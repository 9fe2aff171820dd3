package ru.smetabot.sandbox.botapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on a free local port: records each POST (secret header, content type, body) and answers
 * with the next scripted status ({@link #answer}'s status, 200 unless changed, once the script is used up).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST and the status it was answered with. */
    record Received(String secret, String contentType, String body, int status) {
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private volatile int otherwise = 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start(int... statuses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        for (int status : statuses) {
            receiver.script.add(status);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer scripted = receiver.script.poll();
            int status = scripted == null ? receiver.otherwise : scripted;
            receiver.received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** From now on answers {@code status} once the script is used up. */
    WebhookReceiver answer(int status) {
        otherwise = status;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next request, waiting for it at most {@code within}. */
    Received next(Duration within) throws InterruptedException {
        Received r = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no webhook request within " + within);
        }
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
