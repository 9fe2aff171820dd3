package ru.smetabot.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the suite running as its own JVM ({@code java -jar}), the way it runs in
 * production. Its output goes to the console with a name prefix and to {@code data/logs/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final URI healthUrl;
    private final Deque<String> tail = new ArrayDeque<>();

    private ServiceProcess(String name, Process process, URI healthUrl) {
        this.name = name;
        this.process = process;
        this.healthUrl = healthUrl;
    }

    static ServiceProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> env,
            URI healthUrl, Path logDir, boolean echo) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build first (./run-local builds when needed)");
        }
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(name, builder.start(), healthUrl);
        service.pipeOutput(logDir.resolve(name + ".log"), echo);
        return service;
    }

    private void pipeOutput(Path logFile, boolean echo) throws IOException {
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (log; BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.println(line);
                    remember(line);
                    if (echo) {
                        System.out.printf("%-8s| %s%n", name, line);
                    }
                }
            } catch (IOException e) {
                // The process ended; nothing more to copy.
            }
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** Waits until {@code /health} says UP; fails early, with the last output lines, if the process dies. */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + ". Last output:\n"
                        + lastOutput());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(healthUrl)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IOException(name + " did not become healthy at " + healthUrl + " within " + timeout
                + ". Last output:\n" + lastOutput());
    }

    synchronized String lastOutput() {
        return String.join("\n", tail);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the service to stop (SIGTERM, so Spring shuts down gracefully), then insists. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
