package ru.smetabot.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import ru.smetabot.bot.telegram.UpdateKind;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The bot with BOT_UPDATES=webhook against its own in-process telegram-sandbox, which pushes every update to
 * the bot's endpoint: registration at start, the whole pipeline through the webhook, the secret check, and an
 * update that does not parse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "smetabot.bot.token=" + WebhookModeTests.TOKEN,
        "smetabot.bot.userbot-api-token=e2e",
        "smetabot.bot.updates=webhook",
        "smetabot.bot.webhook.secret=" + WebhookModeTests.SECRET,
        "smetabot.bot.webhook.max-connections=3",
        "management.server.port=0",
        "spring.jmx.enabled=false"})
@WithEmbeddedPostgres
@DirtiesContext
class WebhookModeTests {

    static final long BOT = 7_200_001L;
    static final String TOKEN = BOT + ":bot-webhook-e2e";
    static final String SECRET = "webhook_Secret-42";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PORT = freePort();
    private static final SandboxServer TELEGRAM = SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=smeta_hook_bot"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private final SandboxClient sandbox = TELEGRAM.client();

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("smetabot.bot.public-url", () -> "http://localhost:" + PORT);
        registry.add("smetabot.bot.telegram-api-url", TELEGRAM::baseUrl);
    }

    @AfterAll
    static void stopTelegram() {
        TELEGRAM.close();
    }

    @Test
    void startRegistersTheWebhookWithTheSecretAndThePollersUpdateTypes() throws Exception {
        WebhookInfo info = new OkHttpTelegramClient(TOKEN, TelegramUrl.builder().schema("http").host("localhost")
                .port(TELEGRAM.port()).testServer(false).build()).execute(new GetWebhookInfo());

        assertThat(info.getUrl()).isEqualTo("http://localhost:" + PORT + "/telegram/webhook");
        assertThat(info.getAllowedUpdates()).containsExactlyElementsOf(UpdateKind.allowedUpdates());
        assertThat(info.getMaxConnections()).isEqualTo(3);
        assertThat(context.containsBean("botPoller")).as("no long polling in webhook mode").isFalse();
    }

    @Test
    void updatesPushedByTelegramAreParkedAndHandled() {
        long user = 5_900_001L;
        sandbox.createUser(user, "Вебхук", null, "hook" + user, "+7900" + user, null);

        Message sent = sandbox.sendText(user, BOT, "/start");
        Message answer = sandbox.awaitBotMessage(user, BOT, "SmetaBot", sent.messageId(), WAIT);

        assertThat(answer.text()).contains("SmetaBot");
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT count(*) FROM core.processed_updates WHERE update_type = 'message' AND state = 'handled'""")
                .query(Long.class).single() >= 1);
    }

    @Test
    void aPushWithoutTheRightSecretIsRefused() throws Exception {
        assertThat(push(null, "{\"update_id\":1}").statusCode()).isEqualTo(401);
        assertThat(push("webhook_Secret-43", "{\"update_id\":1}").statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatDoesNotParseIsKeptAndAnswered200() throws Exception {
        HttpResponse<String> reply = push(SECRET, "{\"update_id\":424242,\"message\":{\"message_id\":\"not a number\"}}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM core.unparsed_updates WHERE update_id = 424242")
                .query(Long.class).single()).isEqualTo(1L);
    }

    private static HttpResponse<String> push(String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
