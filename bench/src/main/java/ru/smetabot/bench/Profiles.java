package ru.smetabot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR around a measured stretch ({@code --jfr DIR}): {@code jcmd <pid> JFR.start} on each service before it,
 * {@code JFR.stop} with a file after it, then the top frames of {@code jdk.ExecutionSample}. JDK 17 has no
 * {@code jfr view hot-methods}, so the samples are counted here from {@link RecordingFile}: "self" = the
 * sample's top frame, "total" = any frame of the sample (our code only, ru.smetabot.*).
 */
final class Profiles {

    static final int TOP = 12;

    private final Path dir;
    private final Map<String, Long> pids;

    Profiles(Path dir, Map<String, Long> pids) {
        this.dir = dir;
        this.pids = pids;
    }

    void start() throws IOException, InterruptedException {
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            jcmd(p.getValue(), "JFR.start", "name=bench", "settings=profile");
        }
    }

    /** Stops the recordings into {@code DIR/<label>-<process>.jfr}; the rows of the top-frames table. */
    List<String[]> stop(String label) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            Path file = dir.resolve(label.replaceAll("\\W+", "_") + "-" + p.getKey() + ".jfr").toAbsolutePath();
            jcmd(p.getValue(), "JFR.stop", "name=bench", "filename=" + file);
            rows.addAll(top(p.getKey(), file));
        }
        return rows;
    }

    static final String[] HEADER = {"process", "samples", "kind", "frame", "share"};

    private static List<String[]> top(String process, Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        long gcPauseNanos = 0;
        int gcs = 0;
        double compileMsFirst = -1;
        double compileMsLast = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                gcPauseNanos += e.getDuration("sumOfPauses").toNanos();
                continue;
            }
            if (type.equals("jdk.CompilerStatistics")) {
                double ms = e.getDuration("totalTimeSpent").toNanos() / 1e6;
                compileMsFirst = compileMsFirst < 0 ? ms : compileMsFirst;
                compileMsLast = ms;
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith("ru.smetabot.") && seen.add(n)) {
                    ours.merge(n, 1, Integer::sum);
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        int total = samples;
        // Time outside Java frames, which the execution samples do not see.
        rows.add(new String[] {process, Integer.toString(total), "GC", gcs + " collections",
                ViewsRefreshBench.f("%.0f ms paused", gcPauseNanos / 1e6)});
        rows.add(new String[] {process, Integer.toString(total), "JIT", "compiler threads (jdk.CompilerStatistics)",
                ViewsRefreshBench.f("%.0f ms compiling", Math.max(0, compileMsLast - Math.max(0, compileMsFirst)))});
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(x -> rows.add(new String[] {process, Integer.toString(total), "self", x.getKey(),
                        ViewsRefreshBench.f("%.1f%%", 100.0 * x.getValue() / total)}));
        ours.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                .forEach(x -> rows.add(new String[] {process, Integer.toString(total), "total (ours)", x.getKey(),
                        ViewsRefreshBench.f("%.1f%%", 100.0 * x.getValue() / total)}));
        return rows;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || out.contains("Could not")) {
            throw new IOException("jcmd " + String.join(" ", command) + " on " + pid + ": " + out);
        }
    }
}
