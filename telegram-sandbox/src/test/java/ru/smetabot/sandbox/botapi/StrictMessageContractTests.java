package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;

/**
 * Telegram's limits and refusals for what the bot sends, edits and answers, driven by the real TelegramBots
 * client: every case is one documented behaviour and its exact error text.
 */
class StrictMessageContractTests {

    private static final long USER = 511L;

    private SandboxClient sandbox;
    private final TelegramClient telegram = TestSandbox.telegram();

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Vera", "vera");
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
    }

    @Test
    void sendMessageLongerThan4096CharactersIsMessageTooLong() throws Exception {
        Message longest = telegram.execute(text("я".repeat(4096)));

        assertThat(longest.getText()).hasSize(4096);
        assertRefused(() -> telegram.execute(text("я".repeat(4097))), "Bad Request: message is too long");
    }

    @Test
    void messageLengthIsCountedAfterEntityParsing() throws Exception {
        String html = "<b>" + "a".repeat(4000) + "</b>" + "&amp;".repeat(96);

        Message sent = telegram.execute(html(html));

        assertThat(sent.getText()).hasSize(4096).endsWith("&&&");
        assertRefused(() -> telegram.execute(html(html + "&lt;")), "Bad Request: message is too long");
    }

    @Test
    void sendMessageWhoseTextIsEmptyAfterParsingIsMessageTextIsEmpty() {
        assertRefused(() -> telegram.execute(html("<b></b>  ")), "Bad Request: message text is empty");
        assertRefused(() -> telegram.execute(text(" \n ")), "Bad Request: message text is empty");
    }

    @Test
    void captionLongerThan1024CharactersIsMessageCaptionTooLong() throws Exception {
        Message ok = telegram.execute(document("c".repeat(1024)));

        assertThat(ok.getCaption()).hasSize(1024);
        assertRefused(() -> telegram.execute(document("c".repeat(1025))), "Bad Request: message caption is too long");
    }

    @Test
    void callbackDataLongerThan64BytesIsButtonDataInvalid() throws Exception {
        telegram.execute(withKeyboard(rows(1, 1, "x".repeat(64))));

        assertRefused(() -> telegram.execute(withKeyboard(rows(1, 1, "x".repeat(65)))),
                "Bad Request: BUTTON_DATA_INVALID");
        assertRefused(() -> telegram.execute(withKeyboard(rows(1, 1, "ж".repeat(33)))),
                "Bad Request: BUTTON_DATA_INVALID");
    }

    @Test
    void inlineKeyboardOverTelegramsSizeIsReplyMarkupTooLong() throws Exception {
        telegram.execute(withKeyboard(rows(100 / 8, 8, "d")));

        assertRefused(() -> telegram.execute(withKeyboard(rows(1, 9, "d"))), "Bad Request: reply markup is too long");
        assertRefused(() -> telegram.execute(withKeyboard(rows(13, 8, "d"))), "Bad Request: reply markup is too long");
    }

    @Test
    void replyKeyboardWithMoreThan12ButtonsInARowIsReplyMarkupTooLong() throws Exception {
        KeyboardRow twelve = new KeyboardRow();
        for (int i = 0; i < 12; i++) {
            twelve.add("k" + i);
        }
        KeyboardRow thirteen = new KeyboardRow(twelve);
        thirteen.add("k12");
        telegram.execute(SendMessage.builder().chatId(USER).text("menu")
                .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(twelve).build()).build());

        assertRefused(() -> telegram.execute(SendMessage.builder().chatId(USER).text("menu")
                .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(thirteen).build()).build()),
                "Bad Request: reply markup is too long");
    }

    @Test
    void inlineButtonWithoutAnActionIsRefused() {
        InlineKeyboardMarkup markup = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("just text").build())).build();

        assertRefused(() -> telegram.execute(withKeyboard(markup)),
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }

    @Test
    void answerCallbackQueryTextLongerThan200CharactersIsMessageTooLong() throws Exception {
        String callbackId = press();

        assertRefused(() -> telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                .text("t".repeat(201)).build()), "Bad Request: MESSAGE_TOO_LONG");
        assertThat(telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                .text("t".repeat(200)).build())).isTrue();
    }

    @Test
    void answeringACallbackQueryAfterTheWindowIsQueryTooOld() throws Exception {
        String callbackId = press();
        sandbox.advanceClock(Duration.ofSeconds(16));

        assertRefused(() -> telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build()),
                "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    @Test
    void answeringACallbackQueryTwiceIsQueryTooOld() throws Exception {
        String callbackId = press();
        telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build());

        assertRefused(() -> telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build()),
                "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    @Test
    void htmlMessageCarriesEntitiesInUtf16CodeUnitsAndInUpdates() throws Exception {
        Message sent = telegram.execute(SendMessage.builder().chatId(USER)
                .text("👷 <b>Смета</b> <a href=\"https://example.org/x?a=1&amp;b=2\">link</a> &lt;3")
                .parseMode("HTML").replyMarkup(rows(1, 1, "go")).build());
        int seen = lastUpdateId();
        sandbox.pressInlineButton(USER, TestSandbox.BOT_ID, sent.getMessageId(), "go");
        Message inUpdate = telegram.execute(GetUpdates.builder().offset(seen + 1).build()).get(0)
                .getCallbackQuery().getMessage() instanceof Message m ? m : null;

        assertThat(sent.getText()).isEqualTo("👷 Смета link <3");
        assertThat(sent.getEntities()).extracting(MessageEntity::getType, MessageEntity::getOffset,
                MessageEntity::getLength).containsExactly(org.assertj.core.groups.Tuple.tuple("bold", 3, 5),
                org.assertj.core.groups.Tuple.tuple("text_link", 9, 4));
        assertThat(sent.getEntities().get(1).getUrl()).isEqualTo("https://example.org/x?a=1&b=2");
        assertThat(inUpdate).isNotNull();
        assertThat(inUpdate.getEntities()).hasSize(2);
        assertThat(sandbox.readDialog(USER, TestSandbox.BOT_ID).last().text()).isEqualTo("👷 Смета link <3");
    }

    @Test
    void userCommandsArriveWithBotCommandEntities() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "👷 /help@sandbox_test_bot и /rooms, не a/b");

        List<Update> updates = telegram.execute(GetUpdates.builder().build());
        Message last = updates.get(updates.size() - 1).getMessage();

        assertThat(updates.get(0).getMessage().getEntities()).singleElement()
                .satisfies(e -> assertThat(List.of(e.getType(), e.getOffset(), e.getLength()))
                        .isEqualTo(List.of("bot_command", 0, 6)));
        assertThat(last.getEntities()).extracting(MessageEntity::getOffset, MessageEntity::getLength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 22), org.assertj.core.groups.Tuple.tuple(28, 6));
        assertThat(last.isCommand()).isFalse();
        assertThat(updates.get(0).getMessage().isCommand()).isTrue();
    }

    @Test
    void usersCannotSendWhatTheirTelegramAppWouldNot() {
        assertThatThrownBy(() -> sandbox.sendText(USER, TestSandbox.BOT_ID, "ы".repeat(4097)))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("message is too long");
                });
        assertThatThrownBy(() -> sandbox.sendDocument(USER, TestSandbox.BOT_ID, "a.pdf", "application/pdf",
                new byte[] {1}, "c".repeat(1025)))
                .isInstanceOfSatisfying(SandboxClientException.class,
                        e -> assertThat(e.body()).contains("message caption is too long"));
        assertThat(sandbox.sendText(USER, TestSandbox.BOT_ID, "ы".repeat(4096)).text()).hasSize(4096);
    }

    @Test
    void htmlWithAnUnsupportedTagIsCantParseEntities() {
        assertRefused(() -> telegram.execute(html("<div>x</div>")),
                "Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 0");
    }

    @Test
    void htmlWithAnUnclosedTagIsCantParseEntities() {
        assertRefused(() -> telegram.execute(html("<b>unclosed")),
                "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        assertRefused(() -> telegram.execute(html("Цена <b")),
                "Bad Request: can't parse entities: Unclosed start tag at byte offset 9");
    }

    @Test
    void markdownV2WithAnUnescapedReservedCharacterIsCantParseEntities() throws Exception {
        Message ok = telegram.execute(SendMessage.builder().chatId(USER).text("*Итого* 1\\.5")
                .parseMode("MarkdownV2").build());

        assertThat(ok.getText()).isEqualTo("Итого 1.5");
        assertThat(ok.getEntities()).singleElement().satisfies(e -> assertThat(e.getType()).isEqualTo("bold"));
        assertRefused(() -> telegram.execute(SendMessage.builder().chatId(USER).text("Итого 1.5")
                        .parseMode("MarkdownV2").build()),
                "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the "
                        + "preceding '\\'");
    }

    @Test
    void editMessageTextOfADocumentIsThereIsNoTextInTheMessageToEdit() throws Exception {
        Message doc = telegram.execute(document("plan"));

        assertRefused(() -> telegram.execute(EditMessageText.builder().chatId(USER).messageId(doc.getMessageId())
                .text("new").build()), "Bad Request: there is no text in the message to edit");
    }

    @Test
    void editMessageCaptionChangesACaptionAndRefusesATextMessage() throws Exception {
        Message doc = telegram.execute(document("v1"));
        Message text = telegram.execute(text("plain"));

        Message edited = (Message) telegram.execute(EditMessageCaption.builder().chatId(USER)
                .messageId(doc.getMessageId()).caption("<i>v2</i>").parseMode("HTML").build());

        assertThat(edited.getCaption()).isEqualTo("v2");
        assertThat(edited.getCaptionEntities()).singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo("italic"));
        assertRefused(() -> telegram.execute(EditMessageCaption.builder().chatId(USER).messageId(doc.getMessageId())
                .caption("<i>v2</i>").parseMode("HTML").build()), "Bad Request: message is not modified");
        assertRefused(() -> telegram.execute(EditMessageCaption.builder().chatId(USER).messageId(text.getMessageId())
                .caption("c").build()), "Bad Request: there is no caption in the message to edit");
        assertRefused(() -> telegram.execute(EditMessageCaption.builder().chatId(USER).messageId(doc.getMessageId())
                .caption("c".repeat(1025)).build()), "Bad Request: message caption is too long");
    }

    @Test
    void editChangingOnlyEntitiesIsAModification() throws Exception {
        Message sent = telegram.execute(text("Итог"));

        Message bold = (Message) telegram.execute(EditMessageText.builder().chatId(USER)
                .messageId(sent.getMessageId()).text("<b>Итог</b>").parseMode("HTML").build());

        assertThat(bold.getText()).isEqualTo("Итог");
        assertThat(bold.getEntities()).hasSize(1);
        assertRefused(() -> telegram.execute(EditMessageText.builder().chatId(USER).messageId(sent.getMessageId())
                .text("<b>Итог</b>").parseMode("HTML").build()), "Bad Request: message is not modified");
        assertRefused(() -> telegram.execute(EditMessageText.builder().chatId(USER).messageId(sent.getMessageId())
                .text("x".repeat(4097)).build()), "Bad Request: message is too long");
    }

    @Test
    void sendDocumentOver50MegabytesIsRequestEntityTooLarge() {
        byte[] big = new byte[50 * 1024 * 1024 + 1];

        assertThatThrownBy(() -> telegram.execute(SendDocument.builder().chatId(USER)
                .document(new InputFile(new ByteArrayInputStream(big), "big.bin")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(413);
                    assertThat(e.getApiResponse()).isEqualTo("Request Entity Too Large");
                });
    }

    private String press() throws Exception {
        Message sent = telegram.execute(withKeyboard(rows(1, 1, "press")));
        return sandbox.pressInlineButton(USER, TestSandbox.BOT_ID, sent.getMessageId(), "press");
    }

    private int lastUpdateId() throws Exception {
        List<Update> updates = telegram.execute(GetUpdates.builder().build());
        return updates.get(updates.size() - 1).getUpdateId();
    }

    private static SendMessage text(String text) {
        return SendMessage.builder().chatId(USER).text(text).build();
    }

    private static SendMessage html(String html) {
        return SendMessage.builder().chatId(USER).text(html).parseMode("HTML").build();
    }

    private static SendMessage withKeyboard(InlineKeyboardMarkup markup) {
        return SendMessage.builder().chatId(USER).text("keys").replyMarkup(markup).build();
    }

    private static SendDocument document(String caption) {
        return SendDocument.builder().chatId(USER).caption(caption)
                .document(new InputFile(new ByteArrayInputStream(new byte[] {1, 2, 3}), "plan.pdf")).build();
    }

    /** {@code count} rows of {@code perRow} buttons; every button's callback_data starts with {@code data}. */
    private static InlineKeyboardMarkup rows(int count, int perRow, String data) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (int b = 0; b < perRow; b++) {
                String suffix = count * perRow == 1 ? "" : r + "_" + b;
                row.add(InlineKeyboardButton.builder().text("b" + r + b).callbackData(data + suffix).build());
            }
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static void assertRefused(ThrowingCallable call, String description) {
        Consumer<TelegramApiRequestException> check = e -> {
            assertThat(e.getErrorCode()).isEqualTo(400);
            assertThat(e.getApiResponse()).startsWith(description);
        };
        assertThatThrownBy(call).isInstanceOfSatisfying(TelegramApiRequestException.class, check);
    }
}
