package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ScheduledExecutorService telegramSide = Executors.newSingleThreadScheduledExecutor();
    private TdClients clients;
    private TdlibGateway gateway;
    private volatile String getMessagesReply;
    /** What TDLib announces ~100 ms after viewMessages (its background fetch of the counters). */
    private volatile List<long[]> freshAfterView = List.of();
    /** What TDLib announces while getMessages is in flight, before its reply. */
    private volatile List<long[]> freshDuringGet = List.of();

    @BeforeEach
    void openASavedReadySession() throws Exception {
        td.script = this::telegram;
        clients = new TdClients(td);
        Files.createDirectories(sessions.resolve(Long.toString(ACCOUNT)));
        gateway = open(Duration.ofSeconds(2), Duration.ofMillis(300));
    }

    /** The saved session of ACCOUNT opened by a new client with these deadlines, once it is ready. */
    private TdlibGateway open(Duration requestTimeout, Duration viewsWait) throws Exception {
        TdlibAccounts accounts = new TdlibAccounts(clients, new TdlibSettings(sessions, 1, "hash", "key", requestTimeout, viewsWait,
                Duration.ofMinutes(10)), new SimpleMeterRegistry(), Clock.systemUTC());
        accounts.openSaved();
        TdlibGateway opened = new TdlibGateway(accounts);
        long until = System.currentTimeMillis() + 5_000;
        while (!opened.authState(ACCOUNT).authorized() && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        return opened;
    }

    @AfterEach
    void close() {
        telegramSide.shutdownNow();
        clients.close();
    }

    private List<ObjectNode> telegram(int client, JsonNode request) {
        return switch (request.path("@type").asString()) {
            case "getOption" -> List.of(FakeTdJson.authState(TdAccount.WAIT_PARAMETERS));
            case "setTdlibParameters" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"), FakeTdJson.authState(TdAccount.READY));
            case "getChat" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"chat\",\"id\":" + CHAT + "}"));
            case "viewMessages" -> {
                List<long[]> fresh = freshAfterView;
                telegramSide.schedule(() -> fresh.forEach(f -> td.emit(FakeTdJson.interactionInfo(client, f[0], f[1], (int) f[2]))),
                        100, TimeUnit.MILLISECONDS);
                yield List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"));
            }
            case "getMessages" -> {
                List<ObjectNode> events = new ArrayList<>();
                freshDuringGet.forEach(f -> events.add(FakeTdJson.interactionInfo(client, f[0], f[1], (int) f[2])));
                events.add(FakeTdJson.reply(request, getMessagesReply));
                yield events;
            }
            default -> List.of(FakeTdJson.reply(request, "{\"@type\":\"error\",\"code\":400,\"message\":\"unexpected\"}"));
        };
    }

    /** A recorded getMessages reply: {botApiId, views} per message, {botApiId} alone for a deleted (null) one. */
    private static String messages(long[]... messages) {
        StringBuilder json = new StringBuilder("{\"@type\":\"messages\",\"total_count\":" + messages.length + ",\"messages\":[");
        for (int i = 0; i < messages.length; i++) {
            json.append(i == 0 ? "" : ",").append(messages[i].length == 1 ? "null"
                    : "{\"@type\":\"message\",\"id\":" + (messages[i][0] << 20)
                    + ",\"interaction_info\":{\"@type\":\"messageInteractionInfo\",\"view_count\":" + messages[i][1] + ",\"forward_count\":0}}");
        }
        return json.append("]}").toString();
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
    void freshCountsAnnouncedAfterViewMessagesAreAnsweredWithoutWaitingForTheBound() throws Exception {
        TdlibGateway patient = open(Duration.ofSeconds(10), Duration.ofSeconds(5));
        getMessagesReply = messages(new long[] {10, 17}, new long[] {11, 4});
        freshAfterView = List.of(new long[] {CHAT, 10, 20}, new long[] {CHAT, 11, 5});
        long started = System.nanoTime();

        Map<Long, Integer> views = patient.viewCounts(ACCOUNT, CHAT, List.of(10L, 11L));

        assertThat(views).isEqualTo(Map.of(10L, 20, 11L, 5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(td.sentTypes()).doesNotContain("openChat").containsSubsequence("viewMessages", "getMessages");
    }

    @Test
    void messagesWithoutAnUpdateKeepGetMessagesCountsAfterTheBoundedWait() {
        getMessagesReply = messages(new long[] {10, 17}, new long[] {11, 4}, new long[] {12});
        // 11 never gets an update (its counter did not change); 12 is deleted; other chats' and messages' updates are not ours.
        freshAfterView = List.of(new long[] {CHAT, 10, 20}, new long[] {CHAT, 12, 9},
                new long[] {CHAT - 1, 11, 99}, new long[] {CHAT, 13, 99});
        long started = System.nanoTime();

        Map<Long, Integer> views = gateway.viewCounts(ACCOUNT, CHAT, List.of(10L, 11L, 12L));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(views).isEqualTo(Map.of(10L, 20, 11L, 4));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void theWaitNeverOutlastsTheRequestDeadline() throws Exception {
        TdlibGateway hurried = open(Duration.ofMillis(400), Duration.ofSeconds(10));
        getMessagesReply = messages(new long[] {10, 17});
        long started = System.nanoTime();

        Map<Long, Integer> views = hurried.viewCounts(ACCOUNT, CHAT, List.of(10L));

        assertThat(views).isEqualTo(Map.of(10L, 17));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void anUpdateThatRacesWithGetMessagesIsTheNewerCount() {
        getMessagesReply = messages(new long[] {10, 17});
        freshDuringGet = List.of(new long[] {CHAT, 10, 25});

        assertThat(gateway.viewCounts(ACCOUNT, CHAT, List.of(10L))).isEqualTo(Map.of(10L, 25));
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
