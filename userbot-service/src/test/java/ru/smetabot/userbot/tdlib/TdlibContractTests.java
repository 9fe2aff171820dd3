package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.JoinRequestsPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TDLib contract (issue 15 item 12): every request the gateway builds goes through the real libtdjson
 * 1.8.67, offline, and must parse with no field silently dropped.
 *
 * <p>How, and why this way (found by trying it against the library): the requests are recorded by driving the
 * whole gateway (login, restart, every call, logout) against a scripted TDLib; each is then sent to a fresh real
 * client that is still in {@code authorizationStateWaitTdlibParameters}, so nothing dials Telegram (they are
 * answered "call setTdlibParameters first"). {@code setTdlibParameters} itself is sent with {@code api_id = 0},
 * which TDLib refuses before opening any database or connection, but only after parsing and logging it.
 * {@code td_execute} parses too (a parse error comes back as "Failed to parse JSON object as TDLib request"), but
 * logs the parsed request ({@code Receive static request}) only for functions that can run synchronously, which
 * the gateway's calls are not ("The method can't be executed synchronously"), so it cannot show a dropped
 * field; sent to a client, synchronous ones ({@code getOption}, {@code setLogVerbosityLevel}) are logged like
 * the others. TDLib logs each
 * received request under the {@code td_requests} tag (see {@link TdlibRequestEcho}); with that tag at level 1
 * and the log in a file, the echo is compared field by field with what was sent. A synchronous
 * {@code getOption} sent right after each request marks when its echo is in the file (TDLib handles a client's
 * requests in order). Any field missing from the echo, any value TDLib read differently, or any "Failed to parse"
 * answer fails the test.
 */
class TdlibContractTests {

    private static final Pattern BUILT = Pattern.compile("request\\(\"(\\w+)\"\\)");
    private static final long ACCOUNT = 42L;
    private static final long CHAT = -1001234567890L;
    private static final long UNKNOWN_CHAT = -1009876543210L;

    @TempDir
    static Path work;

    private static TdJsonNative td;
    private static Path log;

    @BeforeAll
    static void load() {
        Path library = TdlibNativeTests.locate();
        if (library == null) {
            String message = "libtdjson.so not found (TDLIB_PATH, .tdlib/libtdjson.so or ../.tdlib/libtdjson.so): run scripts/fetch-tdlib.sh";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        td = TdJsonNative.load(library);
        log = work.resolve("tdlib.log");
        ObjectNode stream = TdClients.request("setLogStream");
        stream.set("log_stream", TdClients.request("logStreamFile").put("path", log.toString())
                .put("max_file_size", 512L * 1024 * 1024).put("redirect_stderr", false));
        assertThat(execute(stream).path("@type").asString()).isEqualTo("ok");
        execute(TdClients.request("setLogVerbosityLevel").put("new_verbosity_level", 1));
        execute(TdClients.request("setLogTagVerbosityLevel").put("tag", "td_requests").put("new_verbosity_level", 1));
    }

    @AfterAll
    static void restoreLogging() {
        if (td != null) {
            execute(TdClients.request("setLogTagVerbosityLevel").put("tag", "td_requests").put("new_verbosity_level", 3));
            execute(TdClients.request("setLogVerbosityLevel").put("new_verbosity_level", 0));
            ObjectNode stream = TdClients.request("setLogStream");
            stream.set("log_stream", TdClients.request("logStreamDefault"));
            execute(stream);
        }
    }

    private static JsonNode execute(ObjectNode request) {
        return TdClients.JSON.readTree(td.execute(TdClients.JSON.writeValueAsString(request)));
    }

    @Test
    void everyRequestTheGatewayBuildsParsesInTdlib1867WithNoFieldDropped() throws Exception {
        List<JsonNode> requests = recordGatewayRequests();
        assertThat(typesIn(requests)).as("every request type the tdlib package builds is driven here")
                .containsAll(builtInSources());

        List<String> problems = new ArrayList<>();
        try (TdClients clients = new TdClients(td)) {
            for (JsonNode recorded : requests) {
                ObjectNode request = offline((ObjectNode) recorded.deepCopy());
                String type = request.path("@type").asString();
                JsonNode reply = send(clients, request);
                if (reply != null && reply.path("message").asString("").startsWith("Failed to parse")) {
                    problems.add(type + ": " + reply.path("message").asString());
                    continue;
                }
                Map<String, String> echo = TdlibRequestEcho.lastEcho(Files.readString(log, StandardCharsets.UTF_8), type);
                if (echo == null) {
                    problems.add(type + ": TDLib logged no such request (not parsed as " + type + ")");
                    continue;
                }
                compare(type, TdlibRequestEcho.sent(request), echo, problems);
            }
        }

        assertThat(problems).as("requests TDLib 1.8.67 did not read as sent").isEmpty();
    }

    @Test
    void aFieldTdlibDoesNotKnowIsCaughtAsDropped() throws Exception {
        // The defect this test exists for (issue 15 item 8): custom_title is ignored by TDLib 1.8.67.
        ObjectNode status = TdClients.request("chatMemberStatusAdministrator").put("custom_title", "bot").put("can_be_edited", true);
        status.set("rights", TdClients.request("chatAdministratorRights").put("can_invite_users", true));
        ObjectNode request = TdClients.request("setChatMemberStatus").put("chat_id", CHAT);
        request.set("member_id", TdClients.request("messageSenderUser").put("user_id", 7));
        request.set("status", status);
        List<String> problems = new ArrayList<>();

        try (TdClients clients = new TdClients(td)) {
            send(clients, request);
            compare("setChatMemberStatus", TdlibRequestEcho.sent(request),
                    TdlibRequestEcho.lastEcho(Files.readString(log, StandardCharsets.UTF_8), "setChatMemberStatus"), problems);
        }

        assertThat(problems).singleElement().asString().contains("status.custom_title").contains("dropped");
    }

    /** Sends to a fresh client waiting for its parameters; answers the request's own reply if it came before the marker's. */
    private static JsonNode send(TdClients clients, ObjectNode request) throws Exception {
        int client = clients.createClient(update -> { });
        try {
            CompletableFuture<JsonNode> reply = clients.send(client, request, Duration.ofSeconds(30));
            JsonNode marker = clients.call(client, TdClients.request("getOption").put("name", "version"), Duration.ofSeconds(30));
            assertThat(marker.path("value").asString()).isEqualTo("1.8.67");
            return reply.isDone() ? reply.get(0, TimeUnit.SECONDS) : null;
        } finally {
            clients.post(client, TdClients.request("close"));
            clients.forgetClient(client);
        }
    }

    private static void compare(String type, Map<String, String> sent, Map<String, String> echo, List<String> problems) {
        sent.forEach((field, value) -> {
            String read = echo.get(field);
            if (read == null) {
                problems.add(type + ": field " + field + " dropped (TDLib 1.8.67 does not know it)");
            } else if (read.startsWith("bytes [")) {
                int length = Base64.getDecoder().decode(value.replace("\"", "")).length;
                if (!read.startsWith("bytes [" + length + "]")) {
                    problems.add(type + ": " + field + " read as " + read + ", sent " + length + " bytes");
                }
            } else if (!read.equals("<secret>") && !read.equals(value)) {
                problems.add(type + ": " + field + " sent " + value + ", TDLib read " + read);
            }
        });
    }

    /** What must never reach Telegram from a test: setTdlibParameters is refused before it opens anything. */
    private static ObjectNode offline(ObjectNode request) {
        if (request.path("@type").asString().equals("setTdlibParameters")) {
            request.put("api_id", 0).put("database_directory", work.resolve("db").toString())
                    .put("files_directory", work.resolve("files").toString());
        }
        request.remove("@extra");
        return request;
    }

    private static Set<String> typesIn(List<JsonNode> requests) {
        Set<String> types = new TreeSet<>();
        requests.forEach(r -> collectTypes(r, types));
        return types;
    }

    private static void collectTypes(JsonNode node, Set<String> into) {
        if (node.isObject() && node.has("@type")) {
            into.add(node.path("@type").asString());
        }
        node.forEach(child -> collectTypes(child, into));
    }

    /** Every {@code request("…")} the tdlib package's sources build, so a new request cannot skip this test. */
    private static Set<String> builtInSources() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/ru/smetabot/userbot/tdlib"))) {
            for (Path source : sources.toList()) {
                Matcher m = BUILT.matcher(Files.readString(source));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        assertThat(types).contains("setTdlibParameters", "setChatMemberStatus", "viewMessages");
        return types;
    }

    /** Drives the whole gateway against a scripted TDLib and keeps every request it sent, in order. */
    private static List<JsonNode> recordGatewayRequests() throws Exception {
        FakeTdJson fake = new FakeTdJson();
        fake.script = TdlibContractTests::scriptedTelegram;
        List<JsonNode> requests = new ArrayList<>();
        requests.add(TdlibConfiguration.logVerbosity());
        requests.add(TdlibConfiguration.versionQuery());
        requests.add(TdClients.request("close")); // what TdClients.close() sends to clients still open
        Path sessions = Files.createDirectories(work.resolve("sessions"));
        try (TdClients clients = new TdClients(fake)) {
            TdlibAccounts accounts = new TdlibAccounts(clients, new TdlibSettings(sessions, 12345, "0123456789abcdef0123456789abcdef",
                    "contract-test-key-of-at-least-32-bytes", Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMinutes(10)),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            TdlibGateway gateway = new TdlibGateway(accounts);
            gateway.startLogin(ACCOUNT, "+79990000001");
            gateway.startLogin(ACCOUNT, "+79990000042");
            gateway.submitCode(ACCOUNT, "12345");
            gateway.submitPassword(ACCOUNT, "secret");
            gateway.currentUserId(ACCOUNT);
            gateway.createChannel(ACCOUNT, "Смета", "about");
            gateway.resolveUsername(ACCOUNT, "@someone");
            gateway.addAdmin(ACCOUNT, CHAT, 7L, AdminRights.forRoomBot());
            gateway.viewCounts(ACCOUNT, CHAT, List.of(10L, 11L));
            gateway.admins(ACCOUNT, CHAT);
            gateway.members(ACCOUNT, CHAT, 0, 200);
            gateway.memberCount(ACCOUNT, UNKNOWN_CHAT);
            gateway.joinRequests(ACCOUNT, CHAT, "https://t.me/+abc", new JoinRequestsPage.Cursor(1_700_000_000L, 7L), 50);
            gateway.decideJoinRequest(ACCOUNT, CHAT, 7L, true);
            gateway.logout(ACCOUNT);
        }
        requests.addAll(fake.sent);
        // One sample of each distinct request shape is enough; keep the first of each type, key set and nested types
        // (getSupergroupMembers with the Administrators filter and with the Recent filter are two shapes).
        Map<String, JsonNode> distinct = new LinkedHashMap<>();
        requests.forEach(r -> distinct.putIfAbsent(r.path("@type").asString() + r.propertyNames() + typesIn(List.of(r)), r));
        return new ArrayList<>(distinct.values());
    }

    private static List<ObjectNode> scriptedTelegram(int client, JsonNode request) {
        String ok = "{\"@type\":\"ok\"}";
        return switch (request.path("@type").asString()) {
            case "getOption" -> List.of(FakeTdJson.authState(TdAccount.WAIT_PARAMETERS));
            case "setTdlibParameters" -> List.of(FakeTdJson.reply(request, ok), FakeTdJson.authState(TdAccount.WAIT_PHONE));
            case "setAuthenticationPhoneNumber" -> List.of(FakeTdJson.reply(request, ok), FakeTdJson.authState(TdAccount.WAIT_CODE));
            case "checkAuthenticationCode" -> List.of(FakeTdJson.reply(request, ok), FakeTdJson.authState(TdAccount.WAIT_PASSWORD));
            case "checkAuthenticationPassword" -> List.of(FakeTdJson.reply(request, ok), FakeTdJson.authState(TdAccount.READY));
            case "destroy", "logOut" -> List.of(FakeTdJson.reply(request, ok), FakeTdJson.authState(TdAccount.CLOSED));
            case "getMe", "getUser" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"user\",\"id\":" + ACCOUNT
                    + ",\"first_name\":\"A\",\"type\":{\"@type\":\"userTypeRegular\"}}"));
            case "createNewSupergroupChat", "createSupergroupChat" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"chat\",\"id\":" + CHAT + "}"));
            case "getChat" -> List.of(FakeTdJson.reply(request, request.path("chat_id").asLong() == UNKNOWN_CHAT
                    ? "{\"@type\":\"error\",\"code\":400,\"message\":\"Chat not found\"}" : "{\"@type\":\"chat\",\"id\":" + CHAT + "}"));
            case "searchPublicChat" -> List.of(FakeTdJson.reply(request,
                    "{\"@type\":\"chat\",\"id\":7,\"type\":{\"@type\":\"chatTypePrivate\",\"user_id\":7}}"));
            case "getMessages" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"messages\",\"total_count\":0,\"messages\":[]}"));
            case "getSupergroupMembers" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"chatMembers\",\"total_count\":1,\"members\":"
                    + "[{\"@type\":\"chatMember\",\"member_id\":{\"@type\":\"messageSenderUser\",\"user_id\":7},\"tag\":\"\","
                    + "\"status\":{\"@type\":\"chatMemberStatusCreator\",\"is_anonymous\":false,\"is_member\":true}}]}"));
            case "getSupergroupFullInfo" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"supergroupFullInfo\",\"member_count\":3}"));
            case "getChatJoinRequests" -> List.of(FakeTdJson.reply(request,
                    "{\"@type\":\"chatJoinRequests\",\"total_count\":0,\"requests\":[]}"));
            default -> List.of(FakeTdJson.reply(request, ok));
        };
    }
}
