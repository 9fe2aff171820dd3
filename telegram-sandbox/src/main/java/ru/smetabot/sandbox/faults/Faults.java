package ru.smetabot.sandbox.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.Resettable;

/** The active faults; every Bot API and MTProto call passes through {@link #apply} first. */
@Component
public class Faults implements Resettable {

    public static final String BOT_API = "botapi";
    public static final String MTPROTO = "mtproto";
    private static final int DEFAULT_HOLD_SECONDS = 60;

    private final Map<String, Fault> active = new LinkedHashMap<>();
    /** The gate of each HOLD fault: opened when the fault is switched off; counts the calls waiting at it. */
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    private record Gate(CountDownLatch open, AtomicInteger waiting, int seconds) {
    }

    public synchronized Fault add(String target, Fault.Kind kind, Integer seconds, Integer latencyMs,
                                  Integer times, Long chatId) {
        if (target == null || target.isBlank() || kind == null) {
            throw new IllegalArgumentException("target and kind are required");
        }
        if (kind == Fault.Kind.FLOOD_WAIT && (seconds == null || seconds < 1)) {
            throw new IllegalArgumentException("a flood wait needs seconds >= 1");
        }
        if (kind == Fault.Kind.LATENCY && (latencyMs == null || latencyMs < 0)) {
            throw new IllegalArgumentException("latency needs latency_ms >= 0");
        }
        if (kind == Fault.Kind.HOLD && seconds != null && (seconds < 1 || seconds > 600)) {
            throw new IllegalArgumentException("a hold lasts 1..600 seconds");
        }
        Integer limit = kind == Fault.Kind.HOLD && seconds == null ? Integer.valueOf(DEFAULT_HOLD_SECONDS) : seconds;
        Fault fault = new Fault(UUID.randomUUID().toString(), target.trim(), kind, limit, latencyMs, times, chatId, 0);
        active.put(fault.id(), fault);
        if (kind == Fault.Kind.HOLD) {
            gates.put(fault.id(), new Gate(new CountDownLatch(1), new AtomicInteger(), limit));
        }
        return fault;
    }

    public synchronized boolean remove(String id) {
        open(id);
        return active.remove(id) != null;
    }

    public synchronized void clear() {
        List.copyOf(gates.keySet()).forEach(this::open);
        active.clear();
    }

    @Override
    public void reset() {
        clear();
    }

    public synchronized List<Fault> list() {
        List<Fault> faults = new ArrayList<>();
        for (Fault fault : active.values()) {
            Gate gate = gates.get(fault.id());
            faults.add(gate == null ? fault : fault.withHeld(gate.waiting().get()));
        }
        return faults;
    }

    /** {@link #apply(String, String, Long)} for a call about no particular chat. */
    public void apply(String surface, String operation) {
        apply(surface, operation, null);
    }

    /**
     * Holds the call at matching HOLD faults, sleeps for matching latency faults, then throws for the
     * first matching flood wait or outage.
     */
    public void apply(String surface, String operation, Long chatId) {
        String op = operation.toLowerCase();
        int delay = 0;
        Optional<Fault> refusal = Optional.empty();
        List<Gate> holds = new ArrayList<>();
        synchronized (this) {
            for (Fault fault : List.copyOf(active.values())) {
                if (!fault.matches(surface, op, chatId)) {
                    continue;
                }
                if (fault.kind() == Fault.Kind.HOLD) {
                    Gate gate = gates.get(fault.id());
                    // Counted while locked, so whoever sees held > 0 knows this call is at the gate.
                    gate.waiting().incrementAndGet();
                    holds.add(gate);
                } else if (fault.kind() == Fault.Kind.LATENCY) {
                    delay += fault.latencyMs();
                } else if (refusal.isEmpty()) {
                    refusal = Optional.of(fault);
                } else {
                    continue;
                }
                consume(fault);
            }
        }
        holds.forEach(Faults::await);
        if (delay > 0) {
            sleep(delay);
        }
        refusal.ifPresent(f -> {
            throw new FaultException(f.kind(), f.seconds() == null ? 0 : f.seconds());
        });
    }

    private void consume(Fault fault) {
        Fault used = fault.used();
        // A used-up hold stays listed until switched off: its held calls are still waiting at it.
        if (used.remaining() != null && used.remaining() <= 0 && fault.kind() != Fault.Kind.HOLD) {
            active.remove(fault.id());
        } else {
            active.put(fault.id(), used);
        }
    }

    private static void await(Gate gate) {
        try {
            gate.open().await(gate.seconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.waiting().decrementAndGet();
        }
    }

    private void open(String id) {
        Gate gate = gates.remove(id);
        if (gate != null) {
            gate.open().countDown();
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
