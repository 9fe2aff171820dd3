package ru.smetabot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ru.smetabot.sandbox.client.SandboxClientException;
import ru.smetabot.sandbox.client.SandboxTypes.CallbackEdit;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Bot latency: every owner of a {@link LatencyScenario} at once, each opening «📢 Мои каналы» and then
 * touring its screens with inline buttons — next room-list page, a room's card, two more pages of its
 * files, «👥 Участники» and its second page, back to the card, back to the list — pausing a person's
 * reading time between taps. Each tap is timed by the sandbox from the callback it created to the bot's
 * edit of that message. "🔄 Обновить статистику" (the one userbot call) is never pressed.
 * Before the clock starts, {@value #WARM_UP_OWNERS} owners tour once (one round of the tour, short pauses), so the
 * timed taps meet a bot whose code has been run, as in production after its first minutes; those taps are reported
 * on a row of their own and count toward no target.
 */
final class BotLatencyBench {

    static final String[] HEADER = {"screen", "taps", "p50 ms", "p90 ms", "p99 ms", "max ms", "answered p50 ms",
        "errors", "timeouts"};
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One step of the tour: which button, the screen it opens, a text that screen shows. */
    private record Step(String screen, String expect) {
    }

    private static final Step[] TOUR = {
        new Step("room list page", "Мои каналы"),
        new Step("room card", "📌"),
        new Step("files page", "стр. 2 из"),
        new Step("files page", "стр. 3 из"),
        new Step("members", "Участники канала"),
        new Step("members", "Участники канала"),
        new Step("room card", "стр. 1 из"),
        new Step("room list page", "Мои каналы")};

    private record Tap(String screen, long millis, long answerMillis) {
    }

    static final int WARM_UP_OWNERS = 5;
    private static final long WARM_UP_THINK_MS = 200;

    private final LatencyScenario scenario;
    private final int presses;
    private final long thinkMs;
    private final ConcurrentLinkedQueue<Tap> taps = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Tap> warmUpTaps = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> errorsByScreen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> timeoutsByScreen = new java.util.concurrent.ConcurrentHashMap<>();
    double seconds;

    BotLatencyBench(LatencyScenario scenario, int presses, long thinkMs) {
        this.scenario = scenario;
        this.presses = presses;
        this.thinkMs = thinkMs;
    }

    /** Runs the tours; returns the table rows (one per screen, then all). */
    List<String[]> run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(scenario.people.size());
        try {
            List<Future<?>> warmUp = new ArrayList<>();
            for (BotUser owner : scenario.people.subList(0, Math.min(WARM_UP_OWNERS, scenario.people.size()))) {
                warmUp.add(pool.submit(() -> {
                    tour(owner, TOUR.length, WARM_UP_THINK_MS, warmUpTaps);
                    return null;
                }));
            }
            for (Future<?> f : warmUp) {
                f.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            pool.shutdownNow();
            throw e;
        }
        long start = System.nanoTime();
        try {
            List<Future<?>> tours = new ArrayList<>();
            for (BotUser owner : scenario.people) {
                tours.add(pool.submit(() -> {
                    tour(owner, presses, thinkMs, taps);
                    return null;
                }));
            }
            for (Future<?> f : tours) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        return rows();
    }

    int taps() {
        return taps.size();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    private void tour(BotUser owner, int presses, long thinkMs, ConcurrentLinkedQueue<Tap> taps)
            throws InterruptedException {
        Random random = new Random(owner.id);
        Thread.sleep((long) (random.nextDouble() * thinkMs));
        Message screen = owner.tap("📢 Мои каналы", "Мои каналы");
        long room = 0;
        for (int i = 0; i < presses; i++) {
            Step step = TOUR[i % TOUR.length];
            String data = switch (i % TOUR.length) {
                case 0 -> "rl:1";
                case 1 -> pickRoom(screen, random);
                case 2 -> "ch:" + room + ":card:1";
                case 3 -> "ch:" + room + ":card:2";
                case 4 -> "ch:" + room + ":members";
                case 5 -> "mb:" + room + ":1";
                case 6 -> "ch:" + room + ":card:0";
                default -> "rl:0";
            };
            if (data == null || !hasData(screen, data)) {
                fail(owner, step.screen(), "no button " + data + " on: " + firstLine(screen.text()), false);
                return;
            }
            if (i % TOUR.length == 1) {
                room = Long.parseLong(data.split(":")[1]);
            }
            try {
                CallbackEdit edit = owner.press(screen, data, TIMEOUT);
                screen = edit.message();
                if (Boolean.TRUE.equals(edit.showAlert()) || screen.text() == null || !screen.text().contains(step.expect())) {
                    fail(owner, step.screen(), data + " showed " + (Boolean.TRUE.equals(edit.showAlert())
                            ? "the alert «" + edit.text() + "»" : "«" + firstLine(screen.text()) + "»"), false);
                    return;
                }
                taps.add(new Tap(step.screen(), edit.editedAtMs() - edit.pressedAtMs(),
                        edit.answeredAtMs() == 0 ? -1 : edit.answeredAtMs() - edit.pressedAtMs()));
            } catch (SandboxClientException e) {
                fail(owner, step.screen(), data + ": " + e.getMessage(), e.status() == 408);
                return;
            }
            Thread.sleep((long) (thinkMs * (0.5 + random.nextDouble())));
        }
    }

    private static boolean hasData(Message message, String data) {
        return message.inlineKeyboard() != null && message.inlineKeyboard().stream().flatMap(List::stream)
                .anyMatch(b -> data.equals(b.get("callback_data")));
    }

    /** A room button ("ch:{id}:card:0") of the room-list page, at random. */
    private static String pickRoom(Message list, Random random) {
        List<String> rooms = list.inlineKeyboard() == null ? List.of() : list.inlineKeyboard().stream()
                .flatMap(List::stream).map(b -> (String) b.get("callback_data"))
                .filter(d -> d != null && d.startsWith("ch:") && d.endsWith(":card:0")).toList();
        return rooms.isEmpty() ? null : rooms.get(random.nextInt(rooms.size()));
    }

    private void fail(BotUser owner, String screen, String what, boolean timeout) {
        (timeout ? timeoutsByScreen : errorsByScreen).merge(screen, 1, Integer::sum);
        errors.add("owner " + owner.id + ", " + screen + ": " + what);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** The warm-up's taps, all screens together, in the table's columns (not part of any target). */
    String[] warmUpRow() {
        List<Long> ms = new ArrayList<>(warmUpTaps.stream().map(Tap::millis).sorted().toList());
        List<Long> answered = new ArrayList<>(warmUpTaps.stream().map(Tap::answerMillis).filter(a -> a >= 0).sorted().toList());
        return row("warm-up, " + WARM_UP_OWNERS + " owners (no target)", ms, answered, "", "");
    }

    /** One table row: taps, p50 / p90 / p99 / max of {@code sortedMs}, answered p50, then errors and timeouts. */
    private static String[] row(String label, List<Long> sortedMs, List<Long> sortedAnswered, String errors, String timeouts) {
        return new String[] {label, Integer.toString(sortedMs.size()), Long.toString(Percentiles.of(sortedMs, 50)),
            Long.toString(Percentiles.of(sortedMs, 90)), Long.toString(Percentiles.of(sortedMs, 99)),
            Long.toString(sortedMs.isEmpty() ? 0 : sortedMs.get(sortedMs.size() - 1)),
            Long.toString(Percentiles.of(sortedAnswered, 50)), errors, timeouts};
    }

    private List<String[]> rows() {
        Map<String, List<Long>> byScreen = new TreeMap<>();
        Map<String, List<Long>> answers = new TreeMap<>();
        for (Tap tap : taps) {
            for (String key : List.of(tap.screen(), "all")) {
                byScreen.computeIfAbsent(key, k -> new ArrayList<>()).add(tap.millis());
                if (tap.answerMillis() >= 0) {
                    answers.computeIfAbsent(key, k -> new ArrayList<>()).add(tap.answerMillis());
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (String screen : List.of("room list page", "room card", "files page", "members", "all")) {
            List<Long> ms = byScreen.getOrDefault(screen, new ArrayList<>());
            List<Long> answered = answers.getOrDefault(screen, new ArrayList<>());
            ms.sort(null);
            answered.sort(null);
            int errs = screen.equals("all") ? errorsByScreen.values().stream().mapToInt(Integer::intValue).sum()
                    : errorsByScreen.getOrDefault(screen, 0);
            int timeouts = screen.equals("all") ? timeoutsByScreen.values().stream().mapToInt(Integer::intValue).sum()
                    : timeoutsByScreen.getOrDefault(screen, 0);
            rows.add(row(screen, ms, answered, Integer.toString(errs), Integer.toString(timeouts)));
        }
        return rows;
    }
}
