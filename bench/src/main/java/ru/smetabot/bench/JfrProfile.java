package ru.smetabot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code --jfr}: a JDK Flight Recorder recording of one service JVM while a bench runs, started and dumped with
 * {@code jcmd} (nothing in the launcher changes: the JVM already runs), then summarised here as the top frames of
 * the execution samples — the method on top of the stack (where CPU goes) and the first project frame
 * ({@code ru.smetabot.*}, which of our code paid for it). The .jfr file stays for {@code jfr} / JMC.
 */
final class JfrProfile {

    private final long pid;
    private final String service;
    private final Path file;

    private JfrProfile(long pid, String service, Path file) {
        this.pid = pid;
        this.service = service;
        this.file = file;
    }

    /** Starts a recording (settings "profile": a sample every 10-20 ms per running thread) on the service's JVM. */
    static JfrProfile start(SuiteUnderBench suite, String service, Path folder) throws Exception {
        long pid = suite.pid(service);
        Path file = folder.resolve(service + "-" + System.currentTimeMillis() + ".jfr");
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new JfrProfile(pid, service, file);
    }

    /** Dumps and stops the recording; returns its file. */
    Path stop() throws Exception {
        jcmd(pid, "JFR.dump", "name=bench", "filename=" + file);
        jcmd(pid, "JFR.stop", "name=bench");
        return file;
    }

    /**
     * Where the threads waited (wall clock, not CPU): socket reads (JDBC, HTTP to the sandbox), parks and monitor
     * waits of at least the "profile" settings' threshold (10-20 ms), summed by event and the first ru.smetabot
     * frame. Rows: event, first project frame, events, total ms.
     */
    List<String[]> waits(int limit) throws IOException {
        Map<String, long[]> sums = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!List.of("jdk.SocketRead", "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.SocketWrite").contains(type)
                    || event.getStackTrace() == null || event.getThread() == null
                    || !event.getThread().getJavaName().startsWith("bot-updates")) {
                continue;
            }
            String project = event.getStackTrace().getFrames().stream()
                    .filter(f -> f.getMethod().getType().getName().startsWith("ru.smetabot")).findFirst()
                    .map(JfrProfile::name).orElse(type.equals("jdk.ThreadPark") ? "(idle: a thread waiting for work)"
                            : "(no project frame)");
            long[] sum = sums.computeIfAbsent(type.substring(4) + " | " + project, k -> new long[2]);
            sum[0]++;
            sum[1] += event.getDuration().toMillis();
        }
        List<String[]> rows = new ArrayList<>();
        sums.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(limit)
                .forEach(e -> rows.add(new String[] {e.getKey().split(" \\| ")[0], e.getKey().split(" \\| ")[1],
                    Long.toString(e.getValue()[0]), Long.toString(e.getValue()[1])}));
        return rows;
    }

    /** Rows: rank, top-of-stack method (% of samples), first ru.smetabot frame (% of samples). */
    List<String[]> topFrames(int limit) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            top.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            String project = stack.getFrames().stream().filter(f -> f.getMethod().getType().getName().startsWith("ru.smetabot"))
                    .findFirst().map(JfrProfile::name).orElse("(no project frame)");
            ours.merge(project, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> a = sorted(top);
        List<Map.Entry<String, Integer>> b = sorted(ours);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < limit && (i < a.size() || i < b.size()); i++) {
            rows.add(new String[] {Integer.toString(i + 1), i < a.size() ? cell(a.get(i), samples) : "",
                i < b.size() ? cell(b.get(i), samples) : ""});
        }
        rows.add(new String[] {"samples", Integer.toString(samples), service + ", " + file});
        return rows;
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
    }

    private static String cell(Map.Entry<String, Integer> e, int samples) {
        return e.getKey() + " " + ViewsRefreshBench.f("%.1f", 100.0 * e.getValue() / samples) + "%";
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
    }
}
