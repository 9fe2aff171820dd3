package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramException.Kind;
import tools.jackson.databind.JsonNode;

/** One receiver thread, replies matched by @extra, deadlines, and recorded TDLib errors mapped to kinds. */
class TdClientsTests {

    private final FakeTdJson td = new FakeTdJson();
    private final TdClients clients = new TdClients(td);

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void repliesArrivingOutOfOrderReachTheirOwnCallers() throws Exception {
        List<JsonNode> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        td.script = (client, request) -> {
            held.add(request);
            if (held.size() == 2) { // answer the second request first, then the first
                td.emit(FakeTdJson.reply(held.get(1), "{\"@type\":\"optionValueString\",\"value\":\"second\"}"));
                td.emit(FakeTdJson.reply(held.get(0), "{\"@type\":\"optionValueString\",\"value\":\"first\"}"));
            }
            return List.of();
        };
        int client = clients.createClient(update -> { });

        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> clients.call(client, TdClients.request("getOption").put("name", "a"), Duration.ofSeconds(5)));
        while (held.isEmpty()) {
            Thread.sleep(5);
        }
        JsonNode second = clients.call(client, TdClients.request("getOption").put("name", "b"), Duration.ofSeconds(5));

        assertThat(second.path("value").asString()).isEqualTo("second");
        assertThat(first.get().path("value").asString()).isEqualTo("first");
        assertThat(clients.pendingCount()).isZero();
    }

    @Test
    void aRequestWithoutAnswerEndsAtItsDeadline() {
        int client = clients.createClient(update -> { });
        long started = System.nanoTime();

        assertThatThrownBy(() -> clients.call(client, TdClients.request("getChat").put("chat_id", -1001L), Duration.ofMillis(200)))
                .isInstanceOfSatisfying(TelegramException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("getChat");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(clients.pendingCount()).isZero();
    }

    @Test
    void updatesGoToTheirClientsListener() throws Exception {
        CompletableFuture<JsonNode> seen = new CompletableFuture<>();
        int client = clients.createClient(seen::complete);
        clients.createClient(update -> seen.completeExceptionally(new AssertionError("wrong client")));

        td.emit(FakeTdJson.authState(TdAccount.WAIT_PARAMETERS).put("@client_id", client));

        assertThat(seen.get().path("authorization_state").path("@type").asString()).isEqualTo(TdAccount.WAIT_PARAMETERS);
    }

    @Test
    void recordedErrorsBecomeTheRightKinds() {
        assertThat(error(429, "Too Many Requests: retry after 35")).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.FLOOD_WAIT);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(35));
        });
        assertThat(error(420, "FLOOD_WAIT_12").retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(error(403, "CHAT_ADMIN_REQUIRED").kind()).isEqualTo(Kind.NO_ACCESS);
        assertThat(error(400, "Chat not found").kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error(400, "PHONE_CODE_INVALID").kind()).isEqualTo(Kind.WRONG_CODE);
        assertThat(error(400, "MESSAGE_IDS_TOO_MUCH").kind()).isEqualTo(Kind.INVALID);
        assertThat(error(401, "Unauthorized").kind()).isEqualTo(Kind.NOT_AUTHORIZED);
        assertThat(error(500, "Internal").kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    private TelegramException error(int code, String message) {
        td.script = (client, request) -> List.of(FakeTdJson.reply(request,
                "{\"@type\":\"error\",\"code\":" + code + ",\"message\":\"" + message + "\"}"));
        int client = clients.createClient(update -> { });
        try {
            clients.call(client, TdClients.request("getMessages"), Duration.ofSeconds(5));
        } catch (TelegramException e) {
            return e;
        }
        throw new AssertionError("no error for " + code);
    }
}
