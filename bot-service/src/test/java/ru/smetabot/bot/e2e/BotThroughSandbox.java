package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The bot on the embedded PostgreSQL, long-polling the in-process telegram-sandbox, with the
 * {@link SandboxUserbot}. Each class gets the context afresh (closed after it: a restart of the
 * bot between classes, with the sandbox redelivering what was not yet acknowledged).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "smetabot.bot.token=" + BotSandbox.TOKEN,
        "smetabot.bot.userbot-api-token=e2e",
        "smetabot.bot.poll-timeout-seconds=1",
        "smetabot.bot.join-requests.sweep-initial-delay=1s",
        "logging.level.ru.smetabot=INFO"})
@WithEmbeddedPostgres
@Import(BotThroughSandbox.TestBeans.class)
@DirtiesContext // one poller on the sandbox bot at a time: the next class's context starts after this one stopped
abstract class BotThroughSandbox {

    static final Duration WAIT = Duration.ofSeconds(30); // generous: the build machine may be busy
    static final long BOT = BotSandbox.BOT_ID;

    @Autowired
    SandboxUserbot userbot;

    @Autowired
    JdbcClient jdbc;

    final SandboxClient sandbox = BotSandbox.client();

    static {
        // Before the bot's context: the sandbox's own logging set-up must not come after the bot's.
        BotSandbox.server();
    }

    @DynamicPropertySource
    static void sandboxUrl(DynamicPropertyRegistry registry) {
        registry.add("smetabot.bot.telegram-api-url", () -> BotSandbox.server().baseUrl());
    }

    /** A new Telegram user who has started the bot; {@code connected}: their account is signed in to the userbot. */
    long newOwner(String name, boolean connected) {
        long id = BotSandbox.newUserId();
        String phone = "+7900" + id;
        sandbox.createUser(id, name, null, "user" + id, phone, null);
        if (connected) {
            userbot.connect(id, phone);
        }
        Message sent = sandbox.sendText(id, BOT, "/start");
        sandbox.awaitBotMessage(id, BOT, "SmetaBot", sent.messageId(), WAIT);
        // A new owner has no room yet, so the onboarding checklist follows the welcome; wait for it too.
        sandbox.awaitBotMessage(id, BOT, "С чего начать", sent.messageId(), WAIT);
        return id;
    }

    /** Presses a reply-keyboard button and waits for the bot's answer containing {@code expect}. */
    Message press(long user, String button, String expect) {
        Message pressed = sandbox.pressReplyButton(user, BOT, button);
        return sandbox.awaitBotMessage(user, BOT, expect, pressed.messageId(), WAIT);
    }

    Message say(long user, String text, String expect) {
        Message sent = sandbox.sendText(user, BOT, text);
        return sandbox.awaitBotMessage(user, BOT, expect, sent.messageId(), WAIT);
    }

    /** Presses the inline button whose text starts with {@code prefix} on {@code message}. */
    String pressInline(long user, Message message, String prefix) {
        String data = message.inlineKeyboard().stream().flatMap(java.util.List::stream)
                .filter(b -> ((String) b.get("text")).startsWith(prefix))
                .map(b -> (String) b.get("callback_data")).findFirst().orElse(null);
        assertThat(data).as("button '%s' on message: %s", prefix, message.text()).isNotNull();
        return sandbox.pressInlineButton(user, BOT, message.messageId(), data);
    }

    /** The latest state of a bot message in the user's dialog. */
    Message current(long user, int messageId) {
        return sandbox.readDialog(user, BOT).messages().stream().filter(m -> m.messageId() == messageId)
                .findFirst().orElseThrow();
    }

    long roomChat(long owner, String title) {
        return jdbc.sql("""
                SELECT c.tg_chat_id FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id
                 WHERE k.tg_user_id = :owner AND c.title = :title""")
                .param("owner", owner).param("title", title).query(Long.class).single();
    }

    long roomId(long chatId) {
        return jdbc.sql("SELECT id FROM core.channels WHERE tg_chat_id = :chat").param("chat", chatId).query(Long.class).single();
    }

    /** A client joins the room through an invite link the bot creates, as a real client would. */
    void joinAsClient(long chatId, long clientId) throws TelegramApiException {
        sandbox.createUser(clientId, "Client" + clientId, "client" + clientId);
        TelegramUrl url = TelegramUrl.builder().schema("http").host("localhost").port(BotSandbox.server().port())
                .testServer(false).build();
        String link = new OkHttpTelegramClient(BotSandbox.TOKEN, url)
                .execute(CreateChatInviteLink.builder().chatId(chatId).build()).getInviteLink();
        assertThat(sandbox.openInviteLink(clientId, Objects.requireNonNull(link)).outcome()).isEqualTo("joined");
    }


    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        SandboxUserbot sandboxUserbot() {
            return new SandboxUserbot();
        }

        /** The poller's dispatcher, with switches to redeliver or lose updates (off unless a test turns them on). */
        @Bean
        @Primary
        RedeliveringDispatcher redeliveringDispatcher(java.util.List<ru.smetabot.bot.telegram.UpdateHandler> handlers,
                ru.smetabot.model.updates.ProcessedUpdates processed, ru.smetabot.bot.telegram.BotMetrics metrics,
                ru.smetabot.bot.telegram.UpdateJson json) {
            return new RedeliveringDispatcher(handlers, processed, metrics, json);
        }
    }
}
