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
import java.nio.file.StandardOpenOption;
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
    private final List<String> command;
    private final Map<String, String> env;
    private final URI healthUrl;
    private final Path logFile;
    private final boolean echo;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile Process process;

    private ServiceProcess(String name, List<String> command, Map<String, String> env, URI healthUrl, Path logFile,
            boolean echo) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.healthUrl = healthUrl;
        this.logFile = logFile;
        this.echo = echo;
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
        ServiceProcess service = new ServiceProcess(name, List.copyOf(command), Map.copyOf(env), healthUrl,
                logDir.resolve(name + ".log"), echo);
        service.launch(false);
        return service;
    }

    private void launch(boolean appendLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        process = builder.start();
        pipeOutput(process, appendLog);
    }

    /**
     * Kills the process at once (SIGKILL, as a crash or the OOM killer would), then starts it again
     * with the same command and environment; its log continues in the same file.
     */
    void crashAndRestart() throws IOException, InterruptedException {
        kill();
        launch(true);
    }

    /** Starts the process again after {@link #kill}; its log continues in the same file. */
    void relaunch() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(true);
    }

    /** SIGKILL: no graceful shutdown, like a crash. */
    void kill() throws InterruptedException {
        Process running = process;
        running.destroyForcibly();
        running.waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    private void pipeOutput(Process source, boolean appendLog) throws IOException {
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                appendLog ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING), true);
        Thread pump = new Thread(() -> {
            try (log; BufferedReader out = new BufferedReader(
                    new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
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
        Process process = this.process;
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
        Process process = this.process;
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
