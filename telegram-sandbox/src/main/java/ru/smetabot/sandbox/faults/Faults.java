package ru.smetabot.sandbox.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.Resettable;

/** The active faults; every Bot API and MTProto call passes through {@link #apply} first. */
@Component
public class Faults implements Resettable {

    public static final String BOT_API = "botapi";
    public static final String MTPROTO = "mtproto";

    private final Map<String, Fault> active = new LinkedHashMap<>();

    public synchronized Fault add(String target, Fault.Kind kind, Integer seconds, Integer latencyMs,
                                  Integer times) {
        if (target == null || target.isBlank() || kind == null) {
            throw new IllegalArgumentException("target and kind are required");
        }
        if (kind == Fault.Kind.FLOOD_WAIT && (seconds == null || seconds < 1)) {
            throw new IllegalArgumentException("a flood wait needs seconds >= 1");
        }
        if (kind == Fault.Kind.LATENCY && (latencyMs == null || latencyMs < 0)) {
            throw new IllegalArgumentException("latency needs latency_ms >= 0");
        }
        Fault fault = new Fault(UUID.randomUUID().toString(), target.trim(), kind, seconds, latencyMs, times);
        active.put(fault.id(), fault);
        return fault;
    }

    public synchronized boolean remove(String id) {
        return active.remove(id) != null;
    }

    public synchronized void clear() {
        active.clear();
    }

    @Override
    public void reset() {
        clear();
    }

    public synchronized List<Fault> list() {
        return new ArrayList<>(active.values());
    }

    /** Sleeps for matching latency faults, then throws for the first matching flood wait or outage. */
    public void apply(String surface, String operation) {
        String op = operation.toLowerCase();
        int delay = 0;
        Optional<Fault> refusal = Optional.empty();
        synchronized (this) {
            for (Fault fault : List.copyOf(active.values())) {
                if (!fault.matches(surface, op)) {
                    continue;
                }
                if (fault.kind() == Fault.Kind.LATENCY) {
                    delay += fault.latencyMs();
                } else if (refusal.isEmpty()) {
                    refusal = Optional.of(fault);
                } else {
                    continue;
                }
                consume(fault);
            }
        }
        if (delay > 0) {
            sleep(delay);
        }
        refusal.ifPresent(f -> {
            throw new FaultException(f.kind(), f.seconds() == null ? 0 : f.seconds());
        });
    }

    private void consume(Fault fault) {
        Fault used = fault.used();
        if (used.remaining() != null && used.remaining() <= 0) {
            active.remove(fault.id());
        } else {
            active.put(fault.id(), used);
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
