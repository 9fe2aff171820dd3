package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;

/** setWebhook / getWebhookInfo / deleteWebhook as Telegram: real pushes, retries, errors, conflicts, checks. */
class WebhookContractTests {

    private static final long USER = 611L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TelegramClient telegram = TestSandbox.telegram();
    /** TelegramBots' own mapper reads the pushed bodies, as a TelegramBots webhook bot would. */
    private final ObjectMapper json = new ObjectMapper();
    private SandboxClient sandbox;

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Vera", "vera");
    }

    @Test
    void eachUpdateIsPostedAloneAsJsonWithTheSecretInOrder() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            telegram.execute(SetWebhook.builder().url(hook.url()).secretToken("s3cr-et_X").build());
            for (int i = 1; i <= 3; i++) {
                sandbox.sendText(USER, TestSandbox.BOT_ID, "m" + i);
            }

            List<Update> pushed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                WebhookReceiver.Received r = hook.next(WAIT);
                assertThat(r.secret()).isEqualTo("s3cr-et_X");
                assertThat(r.contentType()).startsWith("application/json");
                pushed.add(json.readValue(r.body(), Update.class));
            }

            assertThat(pushed).extracting(u -> u.getMessage().getText()).containsExactly("m1", "m2", "m3");
            assertThat(pushed.get(1).getUpdateId()).isEqualTo(pushed.get(0).getUpdateId() + 1);
            assertThat(awaitInfo(info -> info.getPendingUpdatesCount() == 0).getUrl()).isEqualTo(hook.url());
        }
    }

    @Test
    void noSecretHeaderWhenNoSecretWasGiven() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            telegram.execute(SetWebhook.builder().url(hook.url()).build());
            sandbox.sendText(USER, TestSandbox.BOT_ID, "hi");

            assertThat(hook.next(WAIT).secret()).isNull();
        }
    }

    @Test
    void aNon2xxAnswerIsRetriedAndReportedByGetWebhookInfo() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start(500)) {
            telegram.execute(SetWebhook.builder().url(hook.url()).build());
            sandbox.sendText(USER, TestSandbox.BOT_ID, "again");

            Update refused = json.readValue(hook.next(WAIT).body(), Update.class);
            Update retried = json.readValue(hook.next(WAIT).body(), Update.class);

            assertThat(retried.getUpdateId()).isEqualTo(refused.getUpdateId());
            WebhookInfo info = awaitInfo(i -> i.getPendingUpdatesCount() == 0);
            assertThat(info.getLastErrorMessage()).isEqualTo("Wrong response from the webhook: 500 Internal Server Error");
            assertThat((long) info.getLastErrorDate()).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(30L));
        }
    }

    @Test
    void anUnreachableWebhookKeepsTheUpdatePendingWithConnectionRefused() throws Exception {
        telegram.execute(SetWebhook.builder().url("http://127.0.0.1:" + closedPort() + "/hook").build());
        sandbox.sendText(USER, TestSandbox.BOT_ID, "kept");

        WebhookInfo info = awaitInfo(i -> i.getLastErrorMessage() != null);
        assertThat(info.getLastErrorMessage()).isEqualTo("Connection refused");
        assertThat(info.getPendingUpdatesCount()).isEqualTo(1);

        telegram.execute(new DeleteWebhook());
        assertThat(telegram.execute(GetUpdates.builder().build()))
                .extracting(u -> u.getMessage().getText()).containsExactly("kept");
    }

    @Test
    void getUpdatesConflictsWhileAWebhookIsSet() throws Exception {
        telegram.execute(SetWebhook.builder().url("http://localhost:" + closedPort() + "/hook").build());

        assertThatThrownBy(() -> telegram.execute(GetUpdates.builder().build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(409);
                    assertThat(e.getApiResponse()).isEqualTo("Conflict: can't use getUpdates method while webhook "
                            + "is active; use deleteWebhook to delete the webhook first");
                });
    }

    @Test
    void deleteWebhookDropsPendingUpdatesOnlyWhenAsked() throws Exception {
        String unreachable = "http://127.0.0.1:" + closedPort() + "/hook";
        telegram.execute(SetWebhook.builder().url(unreachable).build());
        sandbox.sendText(USER, TestSandbox.BOT_ID, "one");
        telegram.execute(new DeleteWebhook());
        assertThat(telegram.execute(new GetWebhookInfo()).getPendingUpdatesCount()).isEqualTo(1);

        telegram.execute(SetWebhook.builder().url(unreachable).build());
        telegram.execute(DeleteWebhook.builder().dropPendingUpdates(true).build());

        WebhookInfo info = telegram.execute(new GetWebhookInfo());
        assertThat(info.getUrl()).isEmpty();
        assertThat(info.getPendingUpdatesCount()).isZero();
        assertThat(telegram.execute(GetUpdates.builder().build())).isEmpty();
    }

    @Test
    void allowedUpdatesDecideWhichUpdatesAreCreated() throws Exception {
        String unreachable = "http://127.0.0.1:" + closedPort() + "/hook";
        telegram.execute(SetWebhook.builder().url(unreachable).allowedUpdates(List.of("callback_query"))
                .maxConnections(7).build());
        sandbox.sendText(USER, TestSandbox.BOT_ID, "not wanted");
        WebhookInfo narrow = telegram.execute(new GetWebhookInfo());

        telegram.execute(SetWebhook.builder().url(unreachable).allowedUpdates(List.of("message")).build());
        sandbox.sendText(USER, TestSandbox.BOT_ID, "wanted");
        WebhookInfo wide = telegram.execute(new GetWebhookInfo());

        assertThat(narrow.getPendingUpdatesCount()).isZero();
        assertThat(narrow.getAllowedUpdates()).containsExactly("callback_query");
        assertThat(narrow.getMaxConnections()).isEqualTo(7);
        assertThat(wide.getPendingUpdatesCount()).isEqualTo(1);
        assertThat(wide.getMaxConnections()).isEqualTo(40);
    }

    @Test
    void setWebhookRefusesWhatTelegramRefuses() {
        assertRefused(SetWebhook.builder().url("http://example.org/hook").build(),
                "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        assertRefused(SetWebhook.builder().url("https://example.org:8080/hook").build(),
                "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    }

    /** TelegramBots checks the secret itself before sending, so these go to the sandbox as raw JSON calls. */
    @Test
    void setWebhookRefusesABadSecretToken() throws Exception {
        HttpResponse<String> unallowed = BotApiContractTests.raw("/bot" + TestSandbox.TOKEN + "/setWebhook",
                "{\"url\":\"http://localhost/hook\",\"secret_token\":\"no spaces!\"}");
        HttpResponse<String> tooLong = BotApiContractTests.raw("/bot" + TestSandbox.TOKEN + "/setWebhook",
                "{\"url\":\"http://localhost/hook\",\"secret_token\":\"" + "a".repeat(257) + "\"}");

        assertThat(unallowed.statusCode()).isEqualTo(400);
        assertThat(unallowed.body()).contains("\"description\":\"Bad Request: secret token contains unallowed characters\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"description\":\"Bad Request: secret token is too long\"");
    }

    @Test
    void anEmptyUrlRemovesTheWebhook() throws Exception {
        telegram.execute(SetWebhook.builder().url("https://example.org:8443/hook").build());
        assertThat(telegram.execute(new GetWebhookInfo()).getUrl()).isEqualTo("https://example.org:8443/hook");

        // TelegramBots refuses an empty url itself; Telegram documents it as "remove webhook integration".
        HttpResponse<String> removed = BotApiContractTests.raw("/bot" + TestSandbox.TOKEN + "/setWebhook",
                "{\"url\":\"\"}");

        assertThat(removed.statusCode()).isEqualTo(200);

        assertThat(telegram.execute(new GetWebhookInfo()).getUrl()).isEmpty();
        assertThat(telegram.execute(GetUpdates.builder().build())).isEmpty();
    }

    private void assertRefused(SetWebhook call, String description) {
        assertThatThrownBy(() -> telegram.execute(call))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo(description);
                });
    }

    /** Polls getWebhookInfo until {@code done} holds (deliveries are asynchronous), failing after WAIT. */
    private WebhookInfo awaitInfo(Predicate<WebhookInfo> done) throws TelegramApiException {
        Instant deadline = Instant.now().plus(WAIT);
        WebhookInfo info = telegram.execute(new GetWebhookInfo());
        while (!done.test(info)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("getWebhookInfo never reached the expected state: " + info);
            }
            Thread.onSpinWait();
            info = telegram.execute(new GetWebhookInfo());
        }
        return info;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
