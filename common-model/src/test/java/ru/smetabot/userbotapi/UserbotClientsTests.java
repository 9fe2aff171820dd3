package ru.smetabot.userbotapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client bot and worker use: token, JSON shapes, deadlines and the typed errors. */
class UserbotClientsTests {

    private HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();

    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), 0);
        }
    }

    @BeforeEach
    void startFakeUserbot() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer a = answer.get();
        try {
            Thread.sleep(a.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", a.status() >= 400 ? "application/problem+json" : "application/json");
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private UserbotApi client(Duration timeout) {
        return UserbotClients.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "s3cret", timeout);
    }

    @Test
    void sendsTheTokenAndReadsNumericKeys() {
        answer.set(Answer.json(200, "{\"views\":{\"10\":5,\"11\":0},\"missing\":[12]}"));

        ViewsResponse views = client(Duration.ofSeconds(5)).getViews(new GetViewsRequest(7L, -1001234L, List.of(10L, 11L, 12L)));

        assertThat(views.views()).containsExactlyInAnyOrderEntriesOf(Map.of(10L, 5, 11L, 0));
        assertThat(views.missing()).containsExactly(12L);
        assertThat(seenAuthorization.get()).isEqualTo("Bearer s3cret");
        assertThat(seenBody.get()).contains("\"chatId\":-1001234").contains("\"messageIds\":[10,11,12]");
    }

    @Test
    void aPartialAnswerCarriesItsStopAsTheExceptionTheErrorAloneWouldHaveBeen() {
        answer.set(Answer.json(200, "{\"views\":{\"10\":5},\"missing\":[],\"stopped\":{\"status\":403,"
                + "\"type\":\"urn:smetabot:userbot:no-access-to-chat\",\"detail\":\"CHAT_ADMIN_REQUIRED\"}}"));

        ViewsResponse views = client(Duration.ofSeconds(5)).getViews(new GetViewsRequest(7L, -100L, List.of(10L, 11L), true));

        assertThat(seenBody.get()).contains("\"partial\":true");
        assertThat(views.views()).containsExactlyEntriesOf(Map.of(10L, 5));
        assertThat(views.stopped().toException()).isInstanceOfSatisfying(UserbotRejectedException.class, e -> {
            assertThat(e.isNoAccess()).isTrue();
            assertThat(e.getMessage()).isEqualTo("CHAT_ADMIN_REQUIRED");
        });
        assertThat(new ViewsResponse.Stop(429, UserbotProblems.FLOOD_WAIT, "wait", 42L).toException())
                .isInstanceOfSatisfying(UserbotFloodWaitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
        assertThat(new ViewsResponse.Stop(503, UserbotProblems.TELEGRAM_UNAVAILABLE, "down", null).toException())
                .isInstanceOf(UserbotUnavailableException.class);
    }

    @Test
    void loginStatesUseTheirWireNames() {
        answer.set(Answer.json(200, "{\"loginId\":\"abc\",\"state\":\"password_required\",\"account\":7,\"expiresAt\":\"2030-01-01T00:00:00Z\"}"));

        LoginResponse login = client(Duration.ofSeconds(5)).submitCode(new LoginCodeRequest("abc", "12345"));

        assertThat(login.state()).isEqualTo(LoginResponse.State.PASSWORD_REQUIRED);
    }

    @Test
    void floodWaitCarriesRetryAfter() {
        answer.set(new Answer(429, "{\"type\":\"urn:smetabot:userbot:flood-wait\",\"status\":429,\"detail\":\"retry after 42\"}",
                Map.of("Retry-After", "42"), 0));

        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).getViews(new GetViewsRequest(7L, -100L, List.of(1L))))
                .isInstanceOfSatisfying(UserbotFloodWaitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void notAuthorizedIsARejectionWithTheDetail() {
        answer.set(Answer.json(409, "{\"type\":\"urn:smetabot:userbot:account-not-authorized\",\"status\":409,"
                + "\"detail\":\"Userbot не авторизован: account 7 is in authorizationStateWaitPhoneNumber\"}"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).memberCount(new ChatRequest(7L, -100L)))
                .isInstanceOfSatisfying(UserbotRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isNotAuthorized()).isTrue();
                    assertThat(e.getMessage()).contains("Userbot не авторизован");
                });
    }

    @Test
    void serverErrorsAreUnavailable() {
        answer.set(Answer.json(503, "{\"status\":503,\"detail\":\"Telegram unreachable\"}"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).sessionStatus(null))
                .isInstanceOfSatisfying(UserbotUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void aSlowUserbotHitsTheDeadline() {
        answer.set(new Answer(200, "{\"accounts\":[]}", Map.of(), 2_000));

        assertThatThrownBy(() -> client(Duration.ofMillis(300)).sessionStatus(7L))
                .isInstanceOf(UserbotUnavailableException.class);
    }

    @Test
    void anUnreachableUserbotIsUnavailable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        UserbotApi api = UserbotClients.create(URI.create("http://127.0.0.1:" + freePort), "t", Duration.ofSeconds(2));

        assertThatThrownBy(() -> api.sessionStatus(null)).isInstanceOf(UserbotUnavailableException.class)
                .hasMessageContaining("unreachable");
    }
}
