package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramException.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The TDLib gateway against recorded TDLib replies: auth start-up, views without a view, errors. */
class TdlibGatewayTests {

    private static final long ACCOUNT = 42L;
    private static final long CHAT = -1001234567890L;

    @TempDir
    Path sessions;

    private final FakeTdJson td = new FakeTdJson();
    private TdClients clients;
    private TdlibGateway gateway;
    private volatile String getMessagesReply;

    @BeforeEach
    void openASavedReadySession() throws Exception {
        td.script = this::telegram;
        clients = new TdClients(td);
        Files.createDirectories(sessions.resolve(Long.toString(ACCOUNT)));
        TdlibAccounts accounts = new TdlibAccounts(clients, new TdlibSettings(sessions, 1, "hash", "key", Duration.ofSeconds(2)));
        accounts.openSaved();
        gateway = new TdlibGateway(accounts);
        long until = System.currentTimeMillis() + 5_000;
        while (!gateway.authState(ACCOUNT).authorized() && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private List<ObjectNode> telegram(int client, JsonNode request) {
        return switch (request.path("@type").asString()) {
            case "getOption" -> List.of(FakeTdJson.authState(TdAccount.WAIT_PARAMETERS));
            case "setTdlibParameters" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"), FakeTdJson.authState(TdAccount.READY));
            case "getChat" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"chat\",\"id\":" + CHAT + "}"));
            case "viewMessages" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"));
            case "getMessages" -> List.of(FakeTdJson.reply(request, getMessagesReply));
            default -> List.of(FakeTdJson.reply(request, "{\"@type\":\"error\",\"code\":400,\"message\":\"unexpected\"}"));
        };
    }

    @Test
    void aSavedSessionStartsWithItsOwnEncryptedDirectory() {
        assertThat(gateway.authState(ACCOUNT).name()).isEqualTo(TdAccount.READY);
        JsonNode parameters = td.sent.stream().filter(n -> n.path("@type").asString().equals("setTdlibParameters")).findFirst().orElseThrow();
        assertThat(parameters.path("database_directory").asString()).isEqualTo(sessions.resolve("42").toAbsolutePath().toString());
        assertThat(parameters.path("database_encryption_key").asString()).isNotBlank().isNotEqualTo("key");
        assertThat(parameters.path("api_id").asInt()).isEqualTo(1);
    }

    @Test
    void viewsAreRefreshedWithoutAViewThenReadFromInteractionInfo() {
        // Recorded shape: TDLib message ids are Bot API ids << 20; a deleted post comes back as null.
        getMessagesReply = "{\"@type\":\"messages\",\"total_count\":3,\"messages\":["
                + "{\"@type\":\"message\",\"id\":" + (10L << 20) + ",\"interaction_info\":{\"@type\":\"messageInteractionInfo\",\"view_count\":17,\"forward_count\":0}},"
                + "null,"
                + "{\"@type\":\"message\",\"id\":" + (12L << 20) + "}]}";

        Map<Long, Integer> views = gateway.viewCounts(ACCOUNT, CHAT, List.of(10L, 11L, 12L));

        assertThat(views).containsExactlyInAnyOrderEntriesOf(Map.of(10L, 17, 12L, 0));
        assertThat(td.sentTypes()).doesNotContain("openChat").containsSubsequence("viewMessages", "getMessages");
        JsonNode view = td.sent.stream().filter(n -> n.path("@type").asString().equals("viewMessages")).findFirst().orElseThrow();
        assertThat(view.path("source").path("@type").asString()).isEqualTo("messageSourceOther");
        assertThat(view.path("force_read").asBoolean(true)).isFalse();
        assertThat(view.path("message_ids").get(0).asLong()).isEqualTo(10L << 20);
    }

    @Test
    void moreThanOneHundredIdsAreRefusedByTheGateway() {
        List<Long> ids = java.util.stream.LongStream.rangeClosed(1, 101).boxed().toList();

        assertThatThrownBy(() -> gateway.viewCounts(ACCOUNT, CHAT, ids)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floodWaitFromTdlibKeepsItsSeconds() {
        td.script = (client, request) -> request.path("@type").asString().equals("getMessages")
                ? List.of(FakeTdJson.reply(request, "{\"@type\":\"error\",\"code\":429,\"message\":\"Too Many Requests: retry after 73\"}"))
                : telegram(client, request);

        assertThatThrownBy(() -> gateway.viewCounts(ACCOUNT, CHAT, List.of(1L)))
                .isInstanceOfSatisfying(TelegramException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.FLOOD_WAIT);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(73));
                });
    }

    @Test
    void anUnknownAccountIsNotAuthorized() {
        assertThat(gateway.authState(7L).authorized()).isFalse();
        assertThatThrownBy(() -> gateway.viewCounts(7L, CHAT, List.of(1L)))
                .isInstanceOfSatisfying(TelegramException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED))
                .hasMessageContaining("Userbot не авторизован");
    }

    @Test
    void aBotApiChatIdMapsToItsSupergroup() {
        assertThat(TdlibGateway.supergroupId(-1001234567890L)).isEqualTo(1234567890L);
        assertThatThrownBy(() -> TdlibGateway.supergroupId(-12345L)).isInstanceOf(TelegramException.class);
    }
}
