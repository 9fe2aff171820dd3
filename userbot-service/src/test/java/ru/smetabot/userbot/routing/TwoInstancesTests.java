package ru.smetabot.userbot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.userbot.UserbotApplication;
import ru.smetabot.userbot.lease.AccountLeases;
import ru.smetabot.userbot.lease.LeaseStore;
import ru.smetabot.userbot.testing.OwnDatabase;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two userbot instances (two whole Spring applications, sandbox gateway) over one database and one telegram-sandbox,
 * called over HTTP as the bot and worker call them: each serves the accounts whose lease it holds, forwards the
 * others', and takes over the accounts of an instance that stopped or crashed.
 */
class TwoInstancesTests {

    private static final String TOKEN = "two-instances-token";
    private static final String CODE = "12345";
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong NEXT_USER = new AtomicLong(40_000);

    private static SandboxServer sandbox;
    private static String database;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        sandbox = SandboxServer.start(Map.of());
        database = OwnDatabase.newDatabaseUrl();
        a = instance("ub-a");
        b = instance("ub-b");
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        sandbox.close();
    }

    @Test
    void aLoginStartedOnOneInstanceIsFinishedThroughTheOther() throws Exception {
        long account = newUser();
        LoginResponse started = api(a).startLogin(new LoginStartRequest(account, phone(account)));

        HttpResponse<String> code = post(b, UserbotApi.LOGIN_CODE, "{\"loginId\":\"" + started.loginId() + "\",\"code\":\"" + CODE + "\"}");

        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(code.body()).path("state").asString()).isEqualTo("ready");
        assertThat(code.headers().firstValue(ServedBy.HEADER)).as("served where the login runs").contains("ub-a");
        HttpResponse<String> status = get(b, UserbotApi.SESSION_STATUS + "?account=" + account);
        assertThat(JSON.readTree(status.body()).path("accounts").get(0).path("authorized").asBoolean()).isTrue();
        assertThat(forwarded(b, "answered")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void eachInstanceServesItsOwnAccountsAndForwardsTheOthers() throws Exception {
        long onA = connect(a);
        long onB = connect(b);

        HttpResponse<String> roomOfA = post(b, UserbotApi.CREATE_ROOM, "{\"account\":" + onA + ",\"title\":\"Ремонт A\"}");
        HttpResponse<String> roomOfB = post(a, UserbotApi.CREATE_ROOM, "{\"account\":" + onB + ",\"title\":\"Ремонт B\"}");

        assertThat(roomOfA.statusCode()).isEqualTo(200);
        assertThat(roomOfA.headers().firstValue(ServedBy.HEADER)).contains("ub-a");
        assertThat(roomOfB.statusCode()).isEqualTo(200);
        assertThat(roomOfB.headers().firstValue(ServedBy.HEADER)).contains("ub-b");
        long chatOfA = JSON.readTree(roomOfA.body()).path("chatId").asLong();
        assertThat(sandbox.client().channel(chatOfA).title()).isEqualTo("Ремонт A");
        assertThat(leases(a).held()).contains(onA).doesNotContain(onB);
        assertThat(leases(b).held()).contains(onB).doesNotContain(onA);
        HttpResponse<String> unknown = post(b, UserbotApi.MEMBER_COUNT, "{\"account\":" + onA + ",\"chatId\":-1009999999999}");
        assertThat(unknown.statusCode()).as("the holder's error comes back as it was").isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void theAccountsOfAGracefullyStoppedInstanceMoveAtOnce() throws Exception {
        ConfigurableApplicationContext c = instance("ub-c");
        long account = connect(c);
        long chatId = api(c).createRoom(new CreateRoomRequest(account, "Ремонт C", "")).chatId();
        long tokenOnC = store().holder(account).orElseThrow().fencingToken();

        c.close();

        assertThat(store().holder(account).orElseThrow().live()).as("released on stopping").isFalse();
        HttpResponse<String> count = post(a, UserbotApi.MEMBER_COUNT, "{\"account\":" + account + ",\"chatId\":" + chatId + "}");
        assertThat(count.statusCode()).isEqualTo(200);
        // a took it on this request, or b's renewal round took the orphaned session first and a forwarded to b.
        String servedBy = count.headers().firstValue(ServedBy.HEADER).orElseThrow();
        assertThat(servedBy).isIn("ub-a", "ub-b");
        assertThat(store().holder(account).orElseThrow().instanceId()).isEqualTo(servedBy);
        assertThat(store().holder(account).orElseThrow().fencingToken()).isEqualTo(tokenOnC + 1);
        assertThat(leaseEvents(a, "taken_over") + leaseEvents(b, "taken_over")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAccountWhoseHolderCrashedIsTakenOverWhenItsLeaseExpires() throws Exception {
        long account = connect(b);
        long chatId = api(b).createRoom(new CreateRoomRequest(account, "Ремонт D", "")).chatId();
        double lostBefore = leaseEvents(b, "lost");
        // An instance that took the account from b and then crashed: its URL accepts no connection, its lease runs out.
        crashedHolderTakes(account, Duration.ofSeconds(4));

        HttpResponse<String> count = post(a, UserbotApi.MEMBER_COUNT, "{\"account\":" + account + ",\"chatId\":" + chatId + "}");

        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(count.body()).path("count").asInt()).isEqualTo(1);
        assertThat(forwarded(a, "unreachable")).as("a tried the crashed holder first").isGreaterThanOrEqualTo(1);
        // a took it over when the lease expired, or b's renewal round did a moment earlier and a forwarded to b.
        String servedBy = count.headers().firstValue(ServedBy.HEADER).orElseThrow();
        assertThat(servedBy).isIn("ub-a", "ub-b");
        assertThat(store().holder(account).orElseThrow().instanceId()).isEqualTo(servedBy);
        // b's next renewal finds the crashed instance's (or a newer) fencing token: b closes its session.
        await().atMost(Duration.ofSeconds(30)).until(() -> leaseEvents(b, "lost") == lostBefore + 1);
    }

    @Test
    void theStatusOverviewListsTheAccountsOfEveryInstanceFromTheirHolders() throws Exception {
        long onA = connect(a);
        long onB = connect(b);

        HttpResponse<String> overview = get(a, UserbotApi.SESSION_STATUS);

        assertThat(overview.statusCode()).isEqualTo(200);
        java.util.List<Long> listed = new java.util.ArrayList<>();
        JSON.readTree(overview.body()).path("accounts").forEach(account -> listed.add(account.path("account").asLong()));
        assertThat(listed).contains(onA, onB).doesNotHaveDuplicates();
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() throws Exception {
        long account = connect(a);

        HttpResponse<String> looped = send(HttpRequest.newBuilder(uri(b, UserbotApi.MEMBER_COUNT))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header(InstanceForwarder.FORWARDED_BY, "ub-a")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":" + account + ",\"chatId\":-1001}")));

        assertThat(looped.statusCode()).isEqualTo(503);
        assertThat(looped.body()).contains("moved to another userbot instance");
    }

    private static void crashedHolderTakes(long account, Duration expiresIn) throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        JdbcClient.create(a.getBean(javax.sql.DataSource.class)).sql("""
                UPDATE core.userbot_leases SET instance_id = 'ub-crashed', instance_url = :url,
                       fencing_token = fencing_token + 1, expires_at = now() + make_interval(secs => :secs)
                 WHERE account_id = :account
                """).param("url", "http://127.0.0.1:" + deadPort).param("secs", expiresIn.toMillis() / 1000.0)
                .param("account", account).update();
    }

    private static ConfigurableApplicationContext instance(String id) {
        return new SpringApplicationBuilder(UserbotApplication.class).run("--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--smetabot.userbot.api-token=" + TOKEN, "--smetabot.userbot.gateway=sandbox",
                "--smetabot.userbot.sandbox-url=" + sandbox.baseUrl(), "--smetabot.userbot.instance.id=" + id,
                "--smetabot.userbot.instance.lease-ttl=" + TTL.toMillis() + "ms");
    }

    private static long newUser() {
        long id = NEXT_USER.incrementAndGet();
        sandbox.client().createUser(id, "Иван", null, "user_" + id, phone(id), null);
        return id;
    }

    /** A new account connected through this instance (which then holds its lease). */
    private static long connect(ConfigurableApplicationContext instance) {
        long account = newUser();
        UserbotApi api = api(instance);
        LoginResponse started = api.startLogin(new LoginStartRequest(account, phone(account)));
        assertThat(api.submitCode(new LoginCodeRequest(started.loginId(), CODE)).state()).isEqualTo(LoginResponse.State.READY);
        return account;
    }

    private static String phone(long account) {
        return "+7998" + String.format("%07d", account);
    }

    private static UserbotApi api(ConfigurableApplicationContext instance) {
        return UserbotClients.create(uri(instance, ""), TOKEN, Duration.ofSeconds(30));
    }

    private static AccountLeases leases(ConfigurableApplicationContext instance) {
        return instance.getBean(AccountLeases.class);
    }

    private static LeaseStore store() {
        return a.getBean(LeaseStore.class);
    }

    private static double leaseEvents(ConfigurableApplicationContext instance, String event) {
        Counter counter = instance.getBean(MeterRegistry.class).find("userbot.leases").tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long forwarded(ConfigurableApplicationContext instance, String outcome) {
        Timer timer = instance.getBean(MeterRegistry.class).find("userbot.forwarded.requests").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort() + path);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String json) {
        return send(HttpRequest.newBuilder(uri(instance, path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path) {
        return send(HttpRequest.newBuilder(uri(instance, path)).header("Authorization", "Bearer " + TOKEN).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
