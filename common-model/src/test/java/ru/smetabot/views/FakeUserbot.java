package ru.smetabot.views;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.ViewsResponse;

/**
 * An in-memory userbot for tests: {@code /rooms/get_views} answers from a map of channels (what
 * Telegram would have), records every call, and throws queued errors (flood wait, outage) first.
 * Any other endpoint throws. Thread-safe; also used by worker-service's tests (test-jar).
 */
public final class FakeUserbot {

    /** Something the fake does in place of answering, e.g. throw or block. */
    @FunctionalInterface
    public interface Action {
        void run(GetViewsRequest request) throws Exception;
    }

    private final Map<Long, Map<Long, Integer>> telegram = new ConcurrentHashMap<>();
    private final List<GetViewsRequest> calls = new CopyOnWriteArrayList<>();
    private final Queue<Action> next = new ConcurrentLinkedQueue<>();
    private final Map<Long, Action> always = new ConcurrentHashMap<>();
    private final Map<Long, PartialStop> stops = new ConcurrentHashMap<>();

    private record PartialStop(int answered, UserbotException error) {
    }

    /** Sets a post's view count as Telegram has it. */
    public FakeUserbot views(long chatId, long messageId, int views) {
        telegram.computeIfAbsent(chatId, id -> new ConcurrentHashMap<>()).put(messageId, views);
        return this;
    }

    /** Deletes a post on Telegram's side: get_views reports it missing. */
    public FakeUserbot delete(long chatId, long messageId) {
        telegram.getOrDefault(chatId, Map.of()).remove(messageId);
        return this;
    }

    /** The next call does this instead of answering (queued, one call each). */
    public FakeUserbot thenOnce(Action action) {
        next.add(action);
        return this;
    }

    /**
     * The chat's next call meets {@code error} after Telegram answered its first {@code answered} ids (as the
     * userbot's batches of 100 would): a caller that takes partial answers gets those counts and the error as the
     * answer's stop; any other caller (or {@code answered} 0) gets the error alone.
     */
    public FakeUserbot thenStopAfter(long chatId, int answered, UserbotException error) {
        stops.put(chatId, new PartialStop(answered, error));
        return this;
    }

    /** Every call for this chat does this (e.g. the userbot is down for it) until {@link #heal}. */
    public FakeUserbot always(long chatId, Action action) {
        always.put(chatId, action);
        return this;
    }

    public FakeUserbot heal(long chatId) {
        always.remove(chatId);
        return this;
    }

    public List<GetViewsRequest> calls() {
        return List.copyOf(calls);
    }

    public List<GetViewsRequest> callsFor(long chatId) {
        return calls.stream().filter(c -> c.chatId() == chatId).toList();
    }

    public UserbotApi api() {
        return (UserbotApi) Proxy.newProxyInstance(UserbotApi.class.getClassLoader(), new Class<?>[] {UserbotApi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getViews" -> getViews((GetViewsRequest) args[0]);
                    case "toString" -> "FakeUserbot";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("FakeUserbot does not do " + method.getName());
                });
    }

    private ViewsResponse getViews(GetViewsRequest request) throws Exception {
        calls.add(request);
        Action action = next.poll();
        if (action == null) {
            action = always.get(request.chatId());
        }
        if (action != null) {
            action.run(request);
        }
        List<Long> asked = request.messageIds();
        ViewsResponse.Stop stopped = null;
        PartialStop stop = stops.remove(request.chatId());
        if (stop != null) {
            if (!request.acceptsPartial() || stop.answered() <= 0) {
                throw stop.error();
            }
            asked = asked.subList(0, Math.min(asked.size(), stop.answered()));
            UserbotException e = stop.error();
            stopped = new ViewsResponse.Stop(e.status(), e.problemType(), e.getMessage(),
                    e instanceof UserbotFloodWaitException flood ? flood.retryAfter().toSeconds() : null);
        }
        Map<Long, Integer> chat = telegram.getOrDefault(request.chatId(), Map.of());
        Map<Long, Integer> views = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : asked) {
            Integer count = chat.get(id);
            if (count == null) {
                missing.add(id);
            } else {
                views.put(id, count);
            }
        }
        return new ViewsResponse(new HashMap<>(views), missing, stopped);
    }
}
