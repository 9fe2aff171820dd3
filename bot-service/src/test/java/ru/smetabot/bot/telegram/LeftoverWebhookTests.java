package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.sandbox.client.SandboxServer;

/** A polling bot started where a webhook is still set deletes it and gets the updates that waited for it. */
class LeftoverWebhookTests {

    private static final long BOT_ID = 7_100_077L;
    private static final String TOKEN = BOT_ID + ":leftover-webhook";
    private static SandboxServer sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=leftover_webhook_bot"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aLeftoverWebhookIsDeletedAndItsPendingUpdatesArePolled() throws Exception {
        TelegramClient telegram = new OkHttpTelegramClient(TOKEN, TelegramUrl.builder().schema("http")
                .host("localhost").port(sandbox.port()).testServer(false).build());
        // A webhook nobody answers at (the instances of a webhook run are gone): the message waits for it.
        telegram.execute(SetWebhook.builder().url("http://127.0.0.1:9/telegram/webhook").secretToken("s").build());
        sandbox.client().createUser(7_100_078L, "Олег", "oleg");
        sandbox.client().sendText(7_100_078L, BOT_ID, "ждёт");

        LeftoverWebhook.remove(telegram);

        assertThat(telegram.execute(new GetWebhookInfo()).getUrl()).isEmpty();
        List<Update> polled = telegram.execute(GetUpdates.builder().timeout(0).build());
        assertThat(polled).extracting(u -> u.getMessage().getText()).containsExactly("ждёт");
    }
}
