package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.smetabot.userbot.testing.WithOwnDatabase;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.sandbox.client.SandboxTypes.Fault;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;
import ru.smetabot.userbotapi.UserbotException;

/**
 * The service with USERBOT_GATEWAY=sandbox against one in-process telegram-sandbox, called over
 * HTTP. Every subclass shares this Spring context and this sandbox; each test connects accounts of
 * its own (fresh ids), so tests do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.userbot.api-token=" + SandboxApiTestSupport.TOKEN,
                "smetabot.userbot.gateway=sandbox"})
@WithOwnDatabase
abstract class SandboxApiTestSupport {

    static final String TOKEN = "it-token";
    static final long BOT_ID = 700_001L;
    static final String BOT_TOKEN = "it-bot-token";
    static final String LOGIN_CODE = "12345";
    /** Started once for the whole JVM, like the cached Spring context that points at it. */
    static final SandboxServer SANDBOX = SandboxServer.start(Map.of("sandbox.bots", BOT_ID + ":" + BOT_TOKEN + "=smeta_it_bot"));
    private static final AtomicLong NEXT_USER = new AtomicLong(1_000);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int COUNTER_HITS = 1_000_000;

    @LocalServerPort
    int port;

    SandboxClient sandbox;
    UserbotApi userbot;

    @DynamicPropertySource
    static void sandboxUrl(DynamicPropertyRegistry registry) {
        registry.add("smetabot.userbot.sandbox-url", SANDBOX::baseUrl);
    }

    @BeforeEach
    void clientsWithoutFaults() {
        sandbox = SANDBOX.client();
        sandbox.clearFaults();
        userbot = UserbotClients.create(URI.create("http://127.0.0.1:" + port), TOKEN, Duration.ofSeconds(20));
    }

    /** A sandbox user never seen before (user id = the account id), who can sign in with its phone. */
    static long newUser(String password) {
        long id = NEXT_USER.incrementAndGet();
        SANDBOX.client().createUser(id, "Иван", null, "user_" + id, phone(id), password);
        return id;
    }

    static String phone(long account) {
        return "+7999" + String.format("%07d", account);
    }

    /** A new account connected through the API (phone → code → ready, no 2FA). */
    long connectedAccount() {
        long account = newUser(null);
        LoginResponse start = userbot.startLogin(new LoginStartRequest(account, phone(account)));
        assertThat(userbot.submitCode(new LoginCodeRequest(start.loginId(), LOGIN_CODE)).state()).isEqualTo(LoginResponse.State.READY);
        return account;
    }

    /** A new account connected with its 2FA password. */
    long connectedAccountWithPassword() {
        long account = newUser("pw");
        LoginResponse start = userbot.startLogin(new LoginStartRequest(account, phone(account)));
        userbot.submitCode(new LoginCodeRequest(start.loginId(), LOGIN_CODE));
        assertThat(userbot.submitPassword(new LoginPasswordRequest(start.loginId(), "pw")).state()).isEqualTo(LoginResponse.State.READY);
        return account;
    }

    long newRoom(long account) {
        return userbot.createRoom(new CreateRoomRequest(account, "Ремонт " + account, "")).chatId();
    }

    /**
     * How many MTProto {@code operation} calls reached the sandbox during {@code action}: a zero-latency
     * fault with a large budget is spent once per matching call, and the sandbox reports what is left.
     */
    static int mtprotoCalls(String operation, Runnable action) {
        SandboxClient sandbox = SANDBOX.client();
        Fault counter = sandbox.addFault("mtproto:" + operation, "LATENCY", null, 0, COUNTER_HITS);
        action.run();
        Fault spent = sandbox.faults().stream().filter(f -> f.id().equals(counter.id())).findFirst().orElseThrow();
        sandbox.clearFaults();
        return COUNTER_HITS - spent.remaining();
    }

    /** The call fails as {@code type} (a UserbotException subclass) with this HTTP status and problem type. */
    static <T extends UserbotException> T failure(ThrowingCallable call, Class<T> type, int status, URI problemType) {
        T e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s %d %s", type.getSimpleName(), status, problemType).isNotNull();
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.problemType()).isEqualTo(problemType);
        return e;
    }

    HttpResponse<String> rawPost(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
