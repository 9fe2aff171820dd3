package ru.smetabot.userbot.tdlib;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted libtdjson: every sent request goes to {@code script}, which answers with JSON events
 * (replies keep the request's {@code @extra}; updates carry {@code @client_id}).
 */
class FakeTdJson implements TdJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final AtomicInteger nextClient = new AtomicInteger();
    final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    volatile BiFunction<Integer, JsonNode, List<ObjectNode>> script = (client, request) -> List.of();

    @Override
    public int createClientId() {
        return nextClient.incrementAndGet();
    }

    @Override
    public void send(int clientId, String request) {
        JsonNode node = JSON.readTree(request);
        sent.add(node);
        List<ObjectNode> events = new ArrayList<>(script.apply(clientId, node));
        if ("close".equals(node.path("@type").asString()) && events.stream().noneMatch(FakeTdJson::isClosedState)) {
            events.add(authState(TdAccount.CLOSED)); // as TDLib: a closed client says so
        }
        for (ObjectNode event : events) {
            event.put("@client_id", clientId);
            out.add(event.toString());
        }
    }

    private static boolean isClosedState(ObjectNode event) {
        return "authorizationStateClosed".equals(event.path("authorization_state").path("@type").asString());
    }

    @Override
    public String receive(double timeoutSeconds) {
        try {
            // Shorter than asked (allowed: null just means "nothing yet"), so closing the receiver is quick.
            return out.poll(Math.min(100, (long) (timeoutSeconds * 1000)), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String execute(String request) {
        return "{\"@type\":\"error\",\"code\":400,\"message\":\"fake\"}";
    }

    /** Pushes an event as if TDLib produced it on its own (an out-of-order reply, an update). */
    void emit(ObjectNode event) {
        out.add(event.toString());
    }

    List<String> sentTypes() {
        List<String> types = new ArrayList<>();
        sent.forEach(n -> types.add(n.path("@type").asString()));
        return types;
    }

    static ObjectNode reply(JsonNode request, String json) {
        ObjectNode reply = (ObjectNode) JSON.readTree(json);
        reply.put("@extra", request.path("@extra").asString());
        return reply;
    }

    /** TDLib announcing a message's fresh counters (what it does after viewMessages fetched them). */
    static ObjectNode interactionInfo(int clientId, long chatId, long botApiMessageId, int views) {
        ObjectNode update = JSON.createObjectNode().put("@type", "updateMessageInteractionInfo").put("@client_id", clientId)
                .put("chat_id", chatId).put("message_id", botApiMessageId << 20);
        update.set("interaction_info", JSON.createObjectNode().put("@type", "messageInteractionInfo")
                .put("view_count", views).put("forward_count", 0));
        return update;
    }

    static ObjectNode authState(String state) {
        ObjectNode update = JSON.createObjectNode().put("@type", "updateAuthorizationState");
        update.set("authorization_state", JSON.createObjectNode().put("@type", state));
        return update;
    }
}
