package ru.smetabot.userbot.tdlib;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.smetabot.userbot.gateway.TelegramErrors;
import ru.smetabot.userbot.gateway.TelegramException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * All TDLib clients of this process: one receiver thread reads every reply and update
 * ({@code td_receive} is global), a reply completes the request with the same {@code @extra},
 * an update goes to its client's listener. Every request has a deadline.
 */
public class TdClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TdClients.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final TdJson td;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Consumer<JsonNode>> listeners = new ConcurrentHashMap<>();
    /** Clients created and not yet seen closed: closed at {@link #close()} so no TDLib client outlives the JVM. */
    private final Set<Integer> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextExtra = new AtomicLong();
    private final Thread receiver;
    private volatile boolean running = true;

    public TdClients(TdJson td) {
        this.td = td;
        this.receiver = new Thread(this::receiveLoop, "tdlib-receiver");
        this.receiver.setDaemon(true);
        this.receiver.start();
    }

    /** A new client whose updates (replies excluded) go to {@code updates}, on the receiver thread. */
    public int createClient(Consumer<JsonNode> updates) {
        int clientId = td.createClientId();
        open.add(clientId);
        listeners.put(clientId, updates);
        return clientId;
    }

    public void forgetClient(int clientId) {
        listeners.remove(clientId);
    }

    /** Sends a request and waits for its reply; a TDLib error reply is thrown as a {@link TelegramException}. */
    public JsonNode call(int clientId, ObjectNode request, Duration deadline) {
        String extra = Long.toString(nextExtra.incrementAndGet());
        String method = request.path("@type").asString();
        request.put("@extra", extra);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(extra, reply);
        try {
            td.send(clientId, JSON.writeValueAsString(request));
            JsonNode answer = reply.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(answer.path("@type").asString())) {
                throw TelegramErrors.of(method, answer.path("code").asInt(), answer.path("message").asString(""));
            }
            return answer;
        } catch (TimeoutException e) {
            throw new TelegramException(TelegramException.Kind.UNAVAILABLE, 0,
                    "TDLib did not answer " + method + " within " + deadline.toSeconds() + " s (Telegram unreachable or slow)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException(TelegramException.Kind.UNAVAILABLE, 0, "interrupted waiting for " + method);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pending.remove(extra);
        }
    }

    /** Sends without waiting (from the receiver thread, which must never block on a reply); its answer is dropped. */
    public void post(int clientId, ObjectNode request) {
        td.send(clientId, JSON.writeValueAsString(request));
    }

    /**
     * Sends with an {@code @extra} and answers the reply later (an {@code error} reply completes normally:
     * the caller reads it); usable from the receiver thread since nothing blocks. Fails with a
     * {@link TimeoutException} when TDLib does not answer within {@code deadline}.
     */
    public CompletableFuture<JsonNode> send(int clientId, ObjectNode request, Duration deadline) {
        String extra = Long.toString(nextExtra.incrementAndGet());
        request.put("@extra", extra);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(extra, reply);
        CompletableFuture<JsonNode> answer = reply.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.remove(extra));
        td.send(clientId, JSON.writeValueAsString(request));
        return answer;
    }

    /** A synchronous request that needs no client. */
    public JsonNode execute(ObjectNode request) {
        String answer = td.execute(JSON.writeValueAsString(request));
        return answer == null ? JSON.missingNode() : JSON.readTree(answer);
    }

    public static ObjectNode request(String type) {
        return JSON.createObjectNode().put("@type", type);
    }

    /** Requests still waiting for a reply (for tests and leak checks). */
    int pendingCount() {
        return pending.size();
    }

    private void receiveLoop() {
        while (running) {
            try {
                String raw = td.receive(1.0);
                if (raw != null) {
                    dispatch(JSON.readTree(raw));
                }
            } catch (RuntimeException e) {
                log.error("TDLib receiver: skipped a reply it could not handle", e);
            }
        }
    }

    private void dispatch(JsonNode event) {
        JsonNode extra = event.get("@extra");
        if (extra != null) {
            CompletableFuture<JsonNode> waiting = pending.get(extra.asString());
            if (waiting != null) {
                waiting.complete(event);
            }
            return;
        }
        int clientId = event.path("@client_id").asInt(-1);
        if ("updateAuthorizationState".equals(event.path("@type").asString())
                && "authorizationStateClosed".equals(event.path("authorization_state").path("@type").asString())) {
            open.remove(clientId);
        }
        Consumer<JsonNode> listener = listeners.get(clientId);
        if (listener != null) {
            listener.accept(event);
        }
    }

    @Override
    public void close() {
        closeOpenClients(Duration.ofSeconds(5));
        running = false;
        try {
            receiver.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks every client still open to close and waits (bounded) until TDLib says each is closed: TDLib aborts the
     * process when it exits with clients alive, so a stopping service (or a test JVM) closes them first.
     */
    private void closeOpenClients(Duration wait) {
        if (open.isEmpty()) {
            return;
        }
        open.forEach(clientId -> td.send(clientId, JSON.writeValueAsString(request("close"))));
        long deadline = System.nanoTime() + wait.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!open.isEmpty()) {
            log.warn("TDLib clients {} did not close within {} s; the process may stop with them open", open, wait.toSeconds());
        }
    }
}
