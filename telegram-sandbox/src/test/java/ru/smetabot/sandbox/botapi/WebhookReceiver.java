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
 * with the next scripted status (200 once the script is used up).
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String secret, String contentType, String body) {
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();

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
            receiver.received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Integer status = receiver.script.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
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
