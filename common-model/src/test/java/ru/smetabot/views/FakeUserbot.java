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
        Map<Long, Integer> chat = telegram.getOrDefault(request.chatId(), Map.of());
        Map<Long, Integer> views = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : request.messageIds()) {
            Integer count = chat.get(id);
            if (count == null) {
                missing.add(id);
            } else {
                views.put(id, count);
            }
        }
        return new ViewsResponse(new HashMap<>(views), missing);
    }
}
