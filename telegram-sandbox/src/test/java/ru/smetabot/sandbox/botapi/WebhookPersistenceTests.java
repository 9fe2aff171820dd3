package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.smetabot.sandbox.client.SandboxServer;

/**
 * A webhook survives a sandbox restart on the same data directory like the rest of the world: its url, secret,
 * allowed_updates, last error and the updates still waiting for it; the restarted sandbox pushes them on its own.
 */
class WebhookPersistenceTests {

    private static final long BOT_ID = 700_131L;
    private static final String TOKEN = BOT_ID + ":webhook-persist-token";
    private static final long USER = 631L;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheWebhookAndPushesWhatWasPending() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start().answer(503)) {
            int firstId;
            try (SandboxServer sandbox = start()) {
                TelegramClient bot = telegram(sandbox);
                sandbox.client().createUser(USER, "Vera", "vera");
                bot.execute(SetWebhook.builder().url(hook.url()).secretToken("kept-secret")
                        .allowedUpdates(List.of("message", "chat_join_request")).maxConnections(5).build());
                sandbox.client().sendText(USER, BOT_ID, "one");
                sandbox.client().sendText(USER, BOT_ID, "two");
                WebhookInfo refused = awaitInfo(bot, i -> i.getLastErrorMessage() != null);
                assertThat(refused.getPendingUpdatesCount()).isEqualTo(2);
                firstId = json.readValue(hook.next(WAIT).body(), Update.class).getUpdateId();
            }

            hook.answer(200);
            try (SandboxServer sandbox = start()) {
                TelegramClient bot = telegram(sandbox);
                WebhookInfo info = bot.execute(new GetWebhookInfo());
                assertThat(info.getUrl()).isEqualTo(hook.url());
                assertThat(info.getAllowedUpdates()).containsExactly("message", "chat_join_request");
                assertThat(info.getMaxConnections()).isEqualTo(5);
                assertThat(info.getLastErrorMessage())
                        .isEqualTo("Wrong response from the webhook: 503 Service Unavailable");
                assertThatThrownBy(() -> bot.execute(GetUpdates.builder().build()))
                        .as("the restarted sandbox still has the webhook set")
                        .isInstanceOfSatisfying(TelegramApiRequestException.class,
                                e -> assertThat(e.getErrorCode()).isEqualTo(409));

                WebhookReceiver.Received first = nextAccepted(hook, firstId);
                WebhookReceiver.Received second = hook.next(WAIT);
                assertThat(first.secret()).isEqualTo("kept-secret");
                assertThat(second.secret()).isEqualTo("kept-secret");
                Update one = json.readValue(first.body(), Update.class);
                Update two = json.readValue(second.body(), Update.class);
                assertThat(List.of(one.getMessage().getText(), two.getMessage().getText()))
                        .containsExactly("one", "two");
                assertThat(one.getUpdateId()).isEqualTo(firstId);
                assertThat(awaitInfo(bot, i -> i.getPendingUpdatesCount() == 0).getUrl()).isEqualTo(hook.url());
            }
        }
    }

    /**
     * Skips the refused attempts the first sandbox made before it stopped (they all carry the first update)
     * and answers the first request the restarted sandbox sent, which carries that same update again.
     */
    private WebhookReceiver.Received nextAccepted(WebhookReceiver hook, int firstId) throws Exception {
        WebhookReceiver.Received r = hook.next(WAIT);
        while (r.status() != 200) {
            assertThat(json.readValue(r.body(), Update.class).getUpdateId()).isEqualTo(firstId);
            r = hook.next(WAIT);
        }
        return r;
    }

    private SandboxServer start() {
        return SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=webhook_persist_bot",
                "sandbox.data-dir", dataDir.toString(), "sandbox.save-delay", "1h"));
    }

    private static TelegramClient telegram(SandboxServer sandbox) {
        return new OkHttpTelegramClient(TOKEN, TelegramUrl.builder().schema("http").host("localhost")
                .port(sandbox.port()).testServer(false).build());
    }

    /** Polls getWebhookInfo until {@code done} holds (deliveries are asynchronous), failing after WAIT. */
    private static WebhookInfo awaitInfo(TelegramClient bot, Predicate<WebhookInfo> done) throws TelegramApiException {
        Instant deadline = Instant.now().plus(WAIT);
        WebhookInfo info = bot.execute(new GetWebhookInfo());
        while (!done.test(info)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("getWebhookInfo never reached the expected state: " + info);
            }
            Thread.onSpinWait();
            info = bot.execute(new GetWebhookInfo());
        }
        return info;
    }
}
