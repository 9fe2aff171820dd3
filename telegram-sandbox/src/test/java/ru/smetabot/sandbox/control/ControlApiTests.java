package ru.smetabot.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/** The user side of the control API, through the Java client. */
class ControlApiTests {

    private static final long USER = 1100L;

    private SandboxClient sandbox;

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Dina", "dina");
    }

    @Test
    void waitingForABotReplyReturnsOnceItArrives() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
                TestSandbox.telegram().execute(SendMessage.builder().chatId(USER).text("Главное меню").build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        var reply = sandbox.awaitBotMessage(USER, TestSandbox.BOT_ID, "меню", 0, Duration.ofSeconds(5));

        assertThat(reply.text()).isEqualTo("Главное меню");
        assertThat(reply.outgoing()).isFalse();
        assertThatThrownBy(() -> sandbox.awaitBotMessage(USER, TestSandbox.BOT_ID, "nothing", 0,
                Duration.ofMillis(200)))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(408));
    }

    @Test
    void userDocumentCanBeDownloadedAndUnknownButtonsAreRefused() throws Exception {
        byte[] content = "drawing".getBytes(StandardCharsets.UTF_8);
        var sent = sandbox.sendDocument(USER, TestSandbox.BOT_ID, "plan.dwg", "application/acad", content, null);

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/sandbox/api/files/" + sent.document().fileId())).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.body()).isEqualTo(content);
        assertThatThrownBy(() -> sandbox.pressReplyButton(USER, TestSandbox.BOT_ID, "no keyboard"))
                .isInstanceOf(SandboxClientException.class);
        assertThatThrownBy(() -> sandbox.pressInlineButton(USER, TestSandbox.BOT_ID, sent.messageId(), "x"))
                .isInstanceOf(SandboxClientException.class);
    }

    @Test
    void aPressIsTimedUntilTheBotEditsThatMessage() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        var keyboard = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("Далее").callbackData("next").build())).build();
        int menu = TestSandbox.telegram().execute(SendMessage.builder().chatId(USER).text("Страница 1")
                .replyMarkup(keyboard).build()).getMessageId();
        String pressed = sandbox.pressInlineButton(USER, TestSandbox.BOT_ID, menu, "next");
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(200);
                TestSandbox.telegram().execute(AnswerCallbackQuery.builder().callbackQueryId(pressed).build());
                TestSandbox.telegram().execute(EditMessageText.builder().chatId(USER).messageId(menu).text("Страница 2")
                        .replyMarkup(keyboard).build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        var edit = sandbox.awaitCallbackEdit(pressed, Duration.ofSeconds(5));

        assertThat(edit.message().text()).isEqualTo("Страница 2");
        assertThat(edit.answered()).isTrue();
        assertThat(edit.editedAtMs() - edit.pressedAtMs()).isGreaterThanOrEqualTo(200);
        assertThat(edit.answeredAtMs()).isBetween(edit.pressedAtMs(), edit.editedAtMs());
        String unanswered = sandbox.pressInlineButton(USER, TestSandbox.BOT_ID, menu, "next");
        assertThatThrownBy(() -> sandbox.awaitCallbackEdit(unanswered, Duration.ofMillis(200)))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(408));
    }

    @Test
    void botsCreatedAtRuntimeAnswerTheBotApiAndResetKeepsTheConfiguredOne() throws Exception {
        sandbox.createBot("4242:runtime-token", "runtime_bot");

        assertThat(TestSandbox.telegram("4242:runtime-token").execute(new GetMe()).getUserName())
                .isEqualTo("runtime_bot");
        sandbox.reset();
        assertThat(TestSandbox.telegram().execute(new GetMe()).getId()).isEqualTo(TestSandbox.BOT_ID);
        assertThatThrownBy(() -> TestSandbox.telegram("4242:runtime-token").execute(new GetMe()))
                .hasMessageContaining("401");
    }

    @Test
    void chatListShowsBotsAndTheChannelsTheUserIsIn() {
        var channel = sandbox.createChannel(USER, "Мой объект");
        sandbox.createUser(1101L, "Other", "other");
        sandbox.createChannel(1101L, "Чужой объект");

        HttpResponse<String> list = get("/sandbox/api/users/" + USER + "/chats");

        assertThat(list.body()).contains("\"kind\":\"bot\"").contains(TestSandbox.BOT_USERNAME)
                .contains("Мой объект").contains("\"role\":\"owner\"").doesNotContain("Чужой объект");
        assertThat(channel.memberCount()).isEqualTo(1);
    }

    @Test
    void thePageIsServedAtTheRoot() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Telegram sandbox").contains("sandbox.js");
        assertThat(get("/actuator/health").body()).contains("UP");
    }

    @Test
    void channelPostsAreOnlyReadableByMembers() {
        var channel = sandbox.createChannel(USER, "Room");
        sandbox.postToChannel(channel.id(), USER, "first");
        sandbox.createUser(1102L, "Stranger", null);

        assertThatThrownBy(() -> sandbox.readChannel(channel.id(), 1102L))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(sandbox.readChannel(channel.id(), USER)).extracting(m -> m.text()).containsExactly("first");
        assertThat(List.of(channel.id())).allMatch(id -> id < 0);
    }

    @Test
    void bulkPostsAppendNumberedTextPostsAndRefuseAnEmptyOrOversizedBatch() {
        var channel = sandbox.createChannel(USER, "Seeded room");
        sandbox.postToChannel(channel.id(), USER, "before");

        int[] ids = sandbox.postManyToChannel(channel.id(), USER, 3, "estimate");

        List<Message> posts = sandbox.readChannel(channel.id(), USER);
        assertThat(posts).extracting(Message::text).containsExactly("before", "estimate 1", "estimate 2", "estimate 3");
        assertThat(ids).containsExactly(posts.get(1).messageId(), posts.get(2).messageId(), posts.get(3).messageId());
        assertThat(posts.get(3).views()).isEqualTo(1);
        for (int count : new int[] {0, 10_001}) {
            assertThatThrownBy(() -> sandbox.postManyToChannel(channel.id(), USER, count, "x"))
                    .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        sandbox.createUser(1103L, "Stranger", null);
        assertThatThrownBy(() -> sandbox.postManyToChannel(channel.id(), 1103L, 2, "x"))
                .isInstanceOf(SandboxClientException.class);
        assertThat(sandbox.readChannel(channel.id(), USER)).hasSize(4);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
