package ru.smetabot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.testing.OfflineChromium;

/** A member presses a button under the bot's channel post on the page: the bot gets the press from that member. */
class ChannelPostButtonBrowserTests {

    @Test
    void aMemberPressesTheButtonUnderABotsPost(@TempDir Path profile) throws Exception {
        OfflineChromium.requireInstalled();
        SandboxClient sandbox = TestSandbox.fresh();
        TelegramClient bot = TestSandbox.telegram();
        List<String> all = List.of("message", "channel_post", "callback_query", "chat_member", "my_chat_member");
        bot.execute(GetUpdates.builder().allowedUpdates(all).build());
        sandbox.createUser(1401L, "Иван", "ivan");
        sandbox.createUser(1402L, "Пётр", "petr");
        long chatId = sandbox.createChannel(1401L, "Кухня").id();
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        sandbox.openInviteLink(1402L, bot.execute(CreateChatInviteLink.builder().chatId(chatId).build()).getInviteLink());
        bot.execute(SendMessage.builder().chatId(chatId).text("Смета").replyMarkup(InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("✅ Ознакомлен").callbackData("ack")
                        .build())).build()).build());
        List<Update> before = bot.execute(GetUpdates.builder().allowedUpdates(all).build());
        int offset = before.isEmpty() ? 0 : before.get(before.size() - 1).getUpdateId() + 1;

        WebDriver browser = OfflineChromium.start(profile, "--lang=ru", "--accept-lang=ru");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
            browser.get(TestSandbox.server().baseUrl() + "/?user=1402");
            wait.until(d -> {
                d.findElement(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']")).click();
                return true;
            });
            wait.until(d -> {
                d.findElement(By.xpath("//button[contains(@class,'inline-button') and contains(., 'Ознакомлен')]")).click();
                return true;
            });
            List<Update> pressed = wait.until(d -> {
                try {
                    List<Update> updates = bot.execute(GetUpdates.builder().offset(offset).allowedUpdates(all).timeout(0).build());
                    return updates.stream().anyMatch(Update::hasCallbackQuery) ? updates : null;
                } catch (Exception e) {
                    return null;
                }
            });
            Update press = pressed.stream().filter(Update::hasCallbackQuery).findFirst().orElseThrow();
            assertThat(press.getCallbackQuery().getFrom().getId()).isEqualTo(1402L);
            assertThat(press.getCallbackQuery().getData()).isEqualTo("ack");
            assertThat(press.getCallbackQuery().getMessage().getChatId()).isEqualTo(chatId);
        } finally {
            browser.quit();
        }
    }
}
