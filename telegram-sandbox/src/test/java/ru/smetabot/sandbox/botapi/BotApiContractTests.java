package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes;

/** Private-chat methods driven by the real TelegramBots client, checked against Telegram's semantics. */
class BotApiContractTests {

    private static final long USER = 501L;

    private SandboxClient sandbox;
    private final TelegramClient telegram = TestSandbox.telegram();

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Ivan", "ivan");
    }

    @Test
    void getMeDescribesTheConfiguredBot() throws Exception {
        User me = telegram.execute(new GetMe());

        assertThat(me.getId()).isEqualTo(TestSandbox.BOT_ID);
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getUserName()).isEqualTo(TestSandbox.BOT_USERNAME);
        assertThat(telegram.execute(new DeleteWebhook())).isTrue();
        assertThat(telegram.execute(new SetMyCommands(List.of(new BotCommand("start", "Start"))))).isTrue();
    }

    @Test
    void unknownTokenIsUnauthorized() {
        TelegramClient stranger = TestSandbox.telegram("999:nope");

        assertThatThrownBy(() -> stranger.execute(new GetMe()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(401);
                    assertThat(e.getApiResponse()).isEqualTo("Unauthorized");
                });
    }

    @Test
    void unknownMethodAndMalformedBodyAnswerInTelegramsErrorShape() throws Exception {
        HttpResponse<String> unknown = raw("/bot" + TestSandbox.TOKEN + "/sendHologram", "{}");
        HttpResponse<String> malformed = raw("/bot" + TestSandbox.TOKEN + "/sendMessage", "{not json");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        HttpResponse<String> noMethod = raw("/bot" + TestSandbox.TOKEN + "/a/b", "{}");
        assertThat(noMethod.statusCode()).isEqualTo(404);
        assertThat(noMethod.body()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: ");
    }

    @Test
    void methodNamesAreCaseInsensitive() throws Exception {
        HttpResponse<String> reply = raw("/bot" + TestSandbox.TOKEN + "/GETME", "{}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"ok\":true").contains(TestSandbox.BOT_USERNAME);
    }

    @Test
    void userMessageArrivesAsUpdateAndBotRepliesWithInlineKeyboard() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");

        List<Update> updates = telegram.execute(GetUpdates.builder().timeout(1).build());
        assertThat(updates).hasSize(1);
        Message incoming = updates.get(0).getMessage();
        assertThat(incoming.getText()).isEqualTo("/start");
        assertThat(incoming.getFrom().getId()).isEqualTo(USER);
        assertThat(incoming.getChatId()).isEqualTo(USER);
        assertThat(incoming.getDate()).isBetween((int) (System.currentTimeMillis() / 1000) - 5,
                (int) (System.currentTimeMillis() / 1000) + 5);

        Message sent = telegram.execute(SendMessage.builder().chatId(USER).text("<b>Hello</b>").parseMode("HTML")
                .replyMarkup(keyboard("Go", "go:1")).build());

        assertThat(sent.getMessageId()).isEqualTo(2);
        assertThat(sent.getText()).isEqualTo("Hello");
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("go:1");
        SandboxTypes.Dialog dialog = sandbox.readDialog(USER, TestSandbox.BOT_ID);
        assertThat(dialog.last().text()).isEqualTo("Hello");
        assertThat(dialog.last().callbackData("Go")).isEqualTo("go:1");
    }

    @Test
    void inlineButtonPressBecomesCallbackQueryAndAnswerIsVisible() throws Exception {
        int messageId = startAndSend("Pick", keyboard("A", "pick:a"));
        int seen = lastUpdateId();

        String callbackId = sandbox.pressInlineButton(USER, TestSandbox.BOT_ID, messageId, "pick:a");
        List<Update> updates = telegram.execute(GetUpdates.builder().offset(seen + 1).timeout(1).build());

        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getCallbackQuery().getId()).isEqualTo(callbackId);
        assertThat(updates.get(0).getCallbackQuery().getData()).isEqualTo("pick:a");
        assertThat(updates.get(0).getCallbackQuery().getMessage().getMessageId()).isEqualTo(messageId);
        assertThat(telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text("Done").build()))
                .isTrue();
        assertThat(sandbox.callbackAnswer(callbackId).text()).isEqualTo("Done");
        assertThatThrownBy(() -> telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(400));
    }

    @Test
    void editingWithIdenticalContentIsNotModified() throws Exception {
        int messageId = startAndSend("Card", keyboard("Refresh", "r"));
        EditMessageText same = EditMessageText.builder().chatId(USER).messageId(messageId).text("Card")
                .replyMarkup(keyboard("Refresh", "r")).build();

        assertThatThrownBy(() -> telegram.execute(same))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).startsWith("Bad Request: message is not modified");
                });

        EditMessageText changed = EditMessageText.builder().chatId(USER).messageId(messageId).text("Card v2")
                .replyMarkup(keyboard("Refresh", "r")).build();
        assertThat(((Message) telegram.execute(changed)).getText()).isEqualTo("Card v2");
        telegram.execute(EditMessageReplyMarkup.builder().chatId(USER).messageId(messageId)
                .replyMarkup(keyboard("Again", "again")).build());

        SandboxTypes.Message seen = sandbox.readDialog(USER, TestSandbox.BOT_ID).last();
        assertThat(seen.text()).isEqualTo("Card v2");
        assertThat(seen.editCount()).isEqualTo(2);
        assertThat(seen.callbackData("Again")).isEqualTo("again");
    }

    @Test
    void replyKeyboardStaysUntilRemovedAndItsButtonsSendText() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        KeyboardRow row = new KeyboardRow(List.of());
        row.add("📢 Мои каналы");
        telegram.execute(SendMessage.builder().chatId(USER).text("Menu")
                .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(row).resizeKeyboard(true).build()).build());

        assertThat(sandbox.readDialog(USER, TestSandbox.BOT_ID).replyKeyboard()).hasSize(1);
        sandbox.pressReplyButton(USER, TestSandbox.BOT_ID, "📢 Мои каналы");
        List<Update> updates = telegram.execute(GetUpdates.builder().build());
        assertThat(updates).extracting(u -> u.getMessage().getText()).containsExactly("/start", "📢 Мои каналы");

        telegram.execute(SendMessage.builder().chatId(USER).text("Bye")
                .replyMarkup(ReplyKeyboardRemove.builder().removeKeyboard(true).build()).build());
        assertThat(sandbox.readDialog(USER, TestSandbox.BOT_ID).replyKeyboard()).isNull();
    }

    @Test
    void typingAndDeletingInAPrivateChat() throws Exception {
        int messageId = startAndSend("temporary", keyboard("x", "x"));

        assertThat(telegram.execute(new SendChatAction(Long.toString(USER), "typing"))).isTrue();
        assertThat(telegram.execute(new DeleteMessage(Long.toString(USER), messageId))).isTrue();
        assertThat(sandbox.readDialog(USER, TestSandbox.BOT_ID).messages()).extracting(SandboxTypes.Message::text)
                .containsExactly("/start");
        assertThatThrownBy(() -> telegram.execute(new DeleteMessage(Long.toString(USER), messageId)))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(400));
    }

    @Test
    void botCannotStartAConversationAndUnknownChatIsNotFound() {
        sandbox.createUser(502L, "Silent", "silent");

        assertThatThrownBy(() -> telegram.execute(SendMessage.builder().chatId(502L).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(403));
        assertThatThrownBy(() -> telegram.execute(SendMessage.builder().chatId(-1009999999999L).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo("Bad Request: chat not found");
                });
    }

    @Test
    void documentsTravelBothWaysAndCanBeResentByFileId() throws Exception {
        byte[] pdf = "%PDF-1.4 estimate".getBytes(StandardCharsets.UTF_8);
        sandbox.sendDocument(USER, TestSandbox.BOT_ID, "plan.pdf", "application/pdf", pdf, "my plan");
        Message fromUser = telegram.execute(GetUpdates.builder().build()).get(0).getMessage();
        assertThat(fromUser.getDocument().getFileName()).isEqualTo("plan.pdf");
        assertThat(fromUser.getCaption()).isEqualTo("my plan");

        Message uploaded = telegram.execute(SendDocument.builder().chatId(USER)
                .document(new InputFile(new ByteArrayInputStream(pdf), "smeta.pdf")).caption("Смета").build());
        Message resent = telegram.execute(SendDocument.builder().chatId(USER)
                .document(new InputFile(uploaded.getDocument().getFileId())).build());
        File file = telegram.execute(new GetFile(uploaded.getDocument().getFileId()));

        assertThat(uploaded.getDocument().getFileName()).isEqualTo("smeta.pdf");
        assertThat(uploaded.getDocument().getMimeType()).isEqualTo("application/pdf");
        assertThat(uploaded.getDocument().getFileSize()).isEqualTo(pdf.length);
        assertThat(resent.getDocument().getFileId()).isEqualTo(uploaded.getDocument().getFileId());
        assertThat(file.getFilePath()).isNotBlank();
        assertThat(sandbox.readDialog(USER, TestSandbox.BOT_ID).last().document().fileName()).isEqualTo("smeta.pdf");
    }

    @Test
    void aPhotoArrivesAsPhotoSizesAndItsBytesCanBeReadBack() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        byte[] png = png(300, 200);

        Message sent = telegram.execute(SendPhoto.builder().chatId(USER)
                .photo(new InputFile(new ByteArrayInputStream(png), "chart.png")).caption("График")
                .replyMarkup(keyboard("Ещё", "more")).build());
        Message resent = telegram.execute(SendPhoto.builder().chatId(USER)
                .photo(new InputFile(sent.getPhoto().get(0).getFileId())).build());

        PhotoSize size = sent.getPhoto().get(sent.getPhoto().size() - 1);
        assertThat(size.getWidth()).isEqualTo(300);
        assertThat(size.getHeight()).isEqualTo(200);
        assertThat(size.getFileSize()).isEqualTo(png.length);
        assertThat(sent.getCaption()).isEqualTo("График");
        assertThat(sent.getDocument()).isNull();
        assertThat(resent.getPhoto().get(0).getFileId()).isEqualTo(size.getFileId());
        SandboxTypes.Message seen = sandbox.readDialog(USER, TestSandbox.BOT_ID).messages().stream()
                .filter(m -> m.messageId() == sent.getMessageId()).findFirst().orElseThrow();
        assertThat(seen.photo().width()).isEqualTo(300);
        assertThat(seen.text()).isEqualTo("График");
        assertThat(seen.callbackData("Ещё")).isEqualTo("more");
        assertThat(sandbox.file(seen.photo().fileId())).isEqualTo(png);
    }

    @Test
    void aPhotoTelegramCannotDecodeIsRefused() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        byte[] notAnImage = "%PDF-1.4".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> telegram.execute(SendPhoto.builder().chatId(USER)
                .photo(new InputFile(new ByteArrayInputStream(notAnImage), "chart.png")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo("Bad Request: IMAGE_PROCESS_FAILED");
                });
        assertThatThrownBy(() -> telegram.execute(SendPhoto.builder().chatId(USER)
                .photo(new InputFile(new ByteArrayInputStream(png(2000, 50)), "strip.png")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: PHOTO_INVALID_DIMENSIONS"));
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private int startAndSend(String text, InlineKeyboardMarkup markup) throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        return telegram.execute(SendMessage.builder().chatId(USER).text(text).replyMarkup(markup).build())
                .getMessageId();
    }

    private int lastUpdateId() throws Exception {
        List<Update> updates = telegram.execute(GetUpdates.builder().build());
        return updates.get(updates.size() - 1).getUpdateId();
    }

    static InlineKeyboardMarkup keyboard(String text, String data) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(text).callbackData(data).build())).build();
    }

    static HttpResponse<String> raw(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSandbox.server().baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
