package ru.smetabot.bot.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer in front of several bot instances: Telegram has one webhook URL per bot, and this forwards
 * each push to the next instance in turn (body and secret header as they came), answering with its status; 503
 * while no instance is added. Counts what each instance got.
 */
final class RoundRobinForwarder implements AutoCloseable {

    private static final String SECRET = "X-Telegram-Bot-Api-Secret-Token";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> backends = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> forwarded = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    RoundRobinForwarder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 503;
            if (!backends.isEmpty()) {
                String backend = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI()))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
                String secret = exchange.getRequestHeaders().getFirst(SECRET);
                if (secret != null) {
                    request.header(SECRET, secret);
                }
                try {
                    status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    forwarded.computeIfAbsent(backend, b -> new AtomicInteger()).incrementAndGet();
                } catch (IOException e) {
                    status = 502;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = 502;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void add(String backendBaseUrl) {
        backends.add(backendBaseUrl);
    }

    int forwardedTo(String backendBaseUrl) {
        AtomicInteger count = forwarded.get(backendBaseUrl);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
