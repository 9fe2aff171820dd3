package ru.smetabot.local.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The demo's endpoint on 127.0.0.1 (a free port): {@code POST} starts a run in the background, {@code GET}
 * reports {@code {"state":"idle|running|done|failed","step","owner_id","error"}}. The JDK's HttpServer is
 * enough for two loopback calls from the sandbox, and adds no web framework to the launcher.
 */
public final class DemoServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "demo");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Supplier<Demo> demo;
    private volatile Map<String, Object> status = Map.of("state", "idle");

    private DemoServer(HttpServer server) {
        this.server = server;
    }

    /** Binds the port now, so its URL can be given to the sandbox before the suite starts. */
    public static DemoServer open() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoServer demoServer = new DemoServer(server);
        server.createContext("/demo", demoServer::handle);
        server.start();
        return demoServer;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/demo";
    }

    /** From now on POST runs this demo; until then it answers 503. */
    public void serve(Supplier<Demo> demo) {
        this.demo = demo;
    }

    /** Starts a run unless one is running; returns at once. */
    public synchronized boolean start() {
        if (demo == null || "running".equals(status.get("state"))) {
            return false;
        }
        status = Map.of("state", "running", "step", "start");
        runner.execute(this::runOnce);
        return true;
    }

    private void runOnce() {
        long started = System.currentTimeMillis();
        try {
            long owner = demo.get().run(step -> status = Map.of("state", "running", "step", step));
            status = Map.of("state", "done", "owner_id", owner);
            System.out.printf("local-suite | demo ready in %d s: open the sandbox page as «Иван Демо» (user %d)%n",
                    (System.currentTimeMillis() - started) / 1000, owner);
        } catch (RuntimeException e) {
            Map<String, Object> failed = new LinkedHashMap<>(status);
            failed.put("state", "failed");
            failed.put("error", String.valueOf(e.getMessage()));
            status = Map.copyOf(failed);
            System.err.println("local-suite | demo failed at step " + failed.get("step") + ": " + e.getMessage()
                    + " (see data/logs/bot.log and userbot.log)");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int code = 200;
        if ("POST".equals(exchange.getRequestMethod())) {
            code = start() ? 202 : demo == null ? 503 : 409;
        }
        byte[] body = DemoHttp.json(status).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        runner.shutdownNow();
    }
}
