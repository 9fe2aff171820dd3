package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import ru.smetabot.model.testing.TestPostgres;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.userbot.UserbotApplication;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;

/**
 * Test 1 with the real userbot-service (USERBOT_GATEWAY=sandbox) started in this JVM and called over
 * HTTP with its bearer token: the owner connects the account through the userbot's login API, then
 * creates a room, publishes, two clients read, and the card goes from 0 to 2 views on the button.
 * Same bot token as the other end-to-end tests (Telegram's update ids are per bot, and the shared
 * database remembers them); the contexts are closed after each class, so one poller runs at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "smetabot.bot.token=" + WithUserbotServiceTests.TOKEN,
        "smetabot.bot.userbot-api-token=" + WithUserbotServiceTests.USERBOT_TOKEN,
        "smetabot.bot.poll-timeout-seconds=1",
        "logging.level.ru.smetabot=INFO"})
@WithEmbeddedPostgres
@DirtiesContext
class WithUserbotServiceTests {

    static final long BOT = BotSandbox.BOT_ID;
    static final String TOKEN = BotSandbox.TOKEN;
    static final String USERBOT_TOKEN = "e2e-userbot-token";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ConfigurableApplicationContext USERBOT;

    static {
        USERBOT = new SpringApplicationBuilder(UserbotApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--smetabot.userbot.api-token=" + USERBOT_TOKEN,
                "--smetabot.userbot.gateway=sandbox", "--smetabot.userbot.sandbox-url=" + BotSandbox.server().baseUrl(),
                "--logging.level.ru.smetabot=INFO");
    }

    @Autowired
    JdbcClient jdbc;

    final SandboxClient sandbox = BotSandbox.client();

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        registry.add("smetabot.bot.telegram-api-url", () -> BotSandbox.server().baseUrl());
        registry.add("smetabot.bot.userbot-url", WithUserbotServiceTests::userbotUrl);
    }

    @AfterAll
    static void stopUserbot() {
        USERBOT.close();
    }

    static String userbotUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) USERBOT).getWebServer().getPort();
    }

    @Test
    void test1ThroughTheRealUserbot() throws Exception {
        long owner = BotSandbox.newUserId();
        String phone = "+7901" + owner;
        sandbox.createUser(owner, "Сергей", null, "user" + owner, phone, null);
        UserbotApi userbot = UserbotClients.create(URI.create(userbotUrl()), USERBOT_TOKEN, Duration.ofSeconds(20));
        LoginResponse started = userbot.startLogin(new LoginStartRequest(owner, phone));
        assertThat(userbot.submitCode(new LoginCodeRequest(started.loginId(), BotSandbox.LOGIN_CODE)).state())
                .isEqualTo(LoginResponse.State.READY);

        await(owner, sandbox.sendText(owner, BOT, "/start"), "SmetaBot");
        await(owner, sandbox.pressReplyButton(owner, BOT, "🆕 Новый канал"), "Напишите название канала");
        await(owner, sandbox.sendText(owner, BOT, "Сергей — мансарда"), "📌 Сергей — мансарда");
        long chatId = jdbc.sql("SELECT tg_chat_id FROM core.channels WHERE title = 'Сергей — мансарда'").query(Long.class).single();
        assertThat(sandbox.channel(chatId).ownerId()).isEqualTo(owner);

        Message chooser = await(owner, sandbox.sendDocument(owner, BOT, "smeta.xlsx", "application/vnd.ms-excel",
                "xlsx".getBytes(StandardCharsets.UTF_8), null), "В какой канал");
        press(owner, chooser, "📂 Сергей — мансарда");
        sandbox.awaitEditedBotMessage(owner, BOT, "опубликован в «Сергей — мансарда»", WAIT);

        for (int i = 0; i < 2; i++) {
            long client = BotSandbox.newUserId() + 300_000;
            sandbox.createUser(client, "Клиент", "client" + client);
            String link = new OkHttpTelegramClient(TOKEN, TelegramUrl.builder().schema("http").host("localhost")
                    .port(BotSandbox.server().port()).testServer(false).build())
                    .execute(CreateChatInviteLink.builder().chatId(chatId).build()).getInviteLink();
            sandbox.openInviteLink(client, link);
            sandbox.readChannel(chatId, client);
        }

        Message list = await(owner, sandbox.pressReplyButton(owner, BOT, "📢 Мои каналы"), "Мои каналы");
        press(owner, list, "📂 Сергей — мансарда");
        Message card = sandbox.awaitEditedBotMessage(owner, BOT, "smeta.xlsx — 👁 0", WAIT);
        press(owner, card, "🔄 Обновить статистику");
        Message refreshed = sandbox.awaitEditedBotMessage(owner, BOT, "smeta.xlsx — 👁 2", WAIT);
        assertThat(refreshed.text()).contains("Просмотров: 2");
    }

    private Message await(long user, Message sent, String text) {
        return sandbox.awaitBotMessage(user, BOT, text, sent.messageId(), WAIT);
    }

    private void press(long user, Message message, String prefix) {
        String data = message.inlineKeyboard().stream().flatMap(List::stream)
                .filter(b -> ((String) b.get("text")).startsWith(prefix)).map(b -> (String) b.get("callback_data"))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + prefix + " on " + message.text()));
        sandbox.pressInlineButton(user, BOT, message.messageId(), data);
    }
}
