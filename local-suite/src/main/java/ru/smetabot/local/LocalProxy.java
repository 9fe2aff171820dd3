package ru.smetabot.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The load balancer of a {@code LOCAL_INSTANCES=2} run: one port in front of a service's instances, each request
 * sent to the next instance in turn (round-robin); an instance that refuses the connection (stopped, killed,
 * still starting) is skipped and the request goes to the next one, as nginx's {@code proxy_next_upstream error}
 * does. A request that reached an instance which then failed before answering is retried elsewhere only when
 * its method is idempotent (GET, HEAD); otherwise the caller gets 502, as from nginx, and retries itself (Telegram
 * resends a webhook update, the worker's next cycle asks again).
 * <p>
 * Hand-written on the JDK's HttpServer and HttpClient rather than a proxy library or a real nginx: the local suite
 * runs without Docker or extra installs, and the few rules above are all it needs.
 */
public final class LocalProxy implements AutoCloseable {

    /** Headers the JDK HttpClient sets itself or refuses, and hop-by-hop headers a proxy must not pass on. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final List<URI> instances;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<URI, AtomicInteger> served = new ConcurrentHashMap<>();

    private LocalProxy(String name, List<URI> instances, HttpServer server, ExecutorService threads) {
        this.name = name;
        this.instances = List.copyOf(instances);
        this.server = server;
        this.threads = threads;
        instances.forEach(i -> served.put(i, new AtomicInteger()));
    }

    /** Listens on {@code bindAddress:port} and forwards to {@code instances} (base URLs). */
    public static LocalProxy start(String name, String bindAddress, int port, List<URI> instances) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, name + "-proxy");
            thread.setDaemon(true);
            return thread;
        });
        LocalProxy proxy = new LocalProxy(name, instances, server, threads);
        server.createContext("/", proxy::forward);
        server.setExecutor(threads);
        server.start();
        return proxy;
    }

    /** The proxy of a multi-instance suite on {@code service}'s port, in front of its instances' ports. */
    static LocalProxy inFrontOf(String service, SuiteSettings settings, IntFunction<String> url) throws IOException {
        List<URI> instances = new ArrayList<>();
        for (int k = 1; k <= settings.instances(); k++) {
            instances.add(URI.create(url.apply(settings.instancePorts(k).app(service))));
        }
        return start(service, settings.bindAddress(), settings.ports().app(service), instances);
    }

    /** How many requests each instance answered through this proxy. */
    public int servedBy(URI instance) {
        return served.get(instance).get();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            int first = Math.floorMod(next.getAndIncrement(), instances.size());
            String failure = "no instance";
            for (int i = 0; i < instances.size(); i++) {
                URI instance = instances.get((first + i) % instances.size());
                try {
                    HttpResponse<byte[]> response = http.send(request(exchange, instance, method, body),
                            HttpResponse.BodyHandlers.ofByteArray());
                    served.get(instance).incrementAndGet();
                    answer(exchange, response.statusCode(), response.headers().map(), response.body(), method);
                    return;
                } catch (ConnectException | HttpTimeoutException e) {
                    failure = instance + ": " + e;
                    if (e instanceof HttpTimeoutException && !IDEMPOTENT.contains(method)) {
                        break;
                    }
                } catch (IOException e) {
                    failure = instance + ": " + e;
                    if (!IDEMPOTENT.contains(method)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            System.out.println("local-suite | " + name + " proxy: " + method + " " + exchange.getRequestURI()
                    + " answered 502, no instance answered (last: " + failure + ")");
            answer(exchange, 502, Map.of(), ("Bad Gateway: " + failure).getBytes(), method);
        }
    }

    private static HttpRequest request(HttpExchange exchange, URI instance, String method, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(exchange.getRequestURI().toString()))
                .timeout(READ_TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase())) {
                values.forEach(value -> request.header(header, value));
            }
        });
        return request.build();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body,
            String method) throws IOException {
        headers.forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase()) && !header.startsWith(":")) {
                exchange.getResponseHeaders().put(header, values);
            }
        });
        boolean empty = body.length == 0 || status == 204 || status == 304 || method.equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
