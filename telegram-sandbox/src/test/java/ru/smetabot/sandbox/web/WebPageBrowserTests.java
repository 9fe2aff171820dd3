package ru.smetabot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.testing.OfflineChromium;

/**
 * The chat page in headless Chromium: a person starts a (stub) bot, presses its inline button, sees the edit
 * and the photo the bot sends back, shown inline.
 */
class WebPageBrowserTests {

    private static final long USER = 1200L;

    @Test
    void userStartsTheBotAndPressesAnInlineButton(@TempDir Path profile) throws Exception {
        OfflineChromium.requireInstalled();
        SandboxClient sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Marina", "marina");
        TelegramClient telegram = TestSandbox.telegram();

        try (TelegramBotsLongPollingApplication bot = new TelegramBotsLongPollingApplication()) {
            bot.registerBot(TestSandbox.TOKEN, TestSandbox::url,
                    offset -> GetUpdates.builder().offset(offset).timeout(1).build(),
                    updates -> updates.forEach(u -> answer(telegram, u)));
            WebDriver browser = OfflineChromium.start(profile);
            try {
                browser.get(TestSandbox.server().baseUrl() + "/?user=" + USER);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                click(wait, By.cssSelector(".chat-item[data-chat-id='" + TestSandbox.BOT_ID + "']"));
                browser.findElement(By.id("message-input")).sendKeys("/start");
                browser.findElement(By.id("send-button")).click();
                click(wait, By.cssSelector(".inline-button[data-callback='pressed']"));

                wait.until(d -> d.findElements(By.cssSelector(".message .text")).stream()
                        .anyMatch(e -> e.getText().equals("Pressed ✅")));
                // The photo sent with the press is shown inline, decoded by the browser at its size.
                wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                        "const i = document.querySelector('.message img.photo');"
                                + " return i && i.complete ? i.naturalWidth : 0;")).intValue() == 40);
            } finally {
                browser.quit();
            }
        }
        var messages = sandbox.readDialog(USER, TestSandbox.BOT_ID).messages();
        var pressed = messages.stream().filter(m -> "Pressed ✅".equals(m.text())).findFirst().orElseThrow();
        assertThat(pressed.editCount()).isEqualTo(1);
        assertThat(messages.get(messages.size() - 1).photo()).isNotNull();
    }

    /** The bot stub: /start → a message with an inline button; the press → answer and edit. */
    private static void answer(TelegramClient telegram, Update update) {
        try {
            if (update.hasMessage() && "/start".equals(update.getMessage().getText())) {
                telegram.execute(SendMessage.builder().chatId(update.getMessage().getChatId()).text("Welcome")
                        .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Press me").callbackData("pressed").build()))
                                .build()).build());
            } else if (update.hasCallbackQuery()) {
                var query = update.getCallbackQuery();
                telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text("OK").build());
                telegram.execute(EditMessageText.builder().chatId(query.getMessage().getChatId())
                        .messageId(query.getMessage().getMessageId()).text("Pressed ✅").build());
                telegram.execute(SendPhoto.builder().chatId(query.getMessage().getChatId())
                        .photo(new InputFile(new ByteArrayInputStream(png()), "dot.png")).caption("Photo").build());
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void click(WebDriverWait wait, By target) {
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(d -> {
                    d.findElement(target).click();
                    return true;
                });
    }

}
