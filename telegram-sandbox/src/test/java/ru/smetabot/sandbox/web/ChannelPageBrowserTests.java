package ru.smetabot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.Channel;
import ru.smetabot.sandbox.testing.OfflineChromium;

/**
 * The page as a Telegram client for channels, in headless Chromium with a Russian browser: people are made
 * with phone and password, the owner creates a channel, appoints the bot and a second admin with chosen
 * rights and posts a file from the file picker; a client opens a join-request link, cancels, asks again;
 * the second admin approves; the client opens the post (one view) and leaves. Only the invite link is made
 * outside the page, by the bot (as the bot would).
 */
class ChannelPageBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void ownerAdminAndClientRunAChannelFromThePage(@TempDir Path profile, @TempDir Path files) throws Exception {
        OfflineChromium.requireInstalled();
        SandboxClient sandbox = TestSandbox.fresh();
        Path plan = Files.writeString(files.resolve("план.pdf"), "%PDF-1.4 план", StandardCharsets.UTF_8);

        WebDriver browser = OfflineChromium.start(profile, "--lang=ru", "--accept-lang=ru");
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
            browser.get(TestSandbox.server().baseUrl() + "/");
            assertThat(browser.findElement(By.id("new-user-button")).getText()).isEqualTo("👤 Создать пользователя");

            long helper = createUser(browser, wait, "Мария", "+79990001302", null);
            long client = createUser(browser, wait, "Пётр", null, null);
            long owner = createUser(browser, wait, "Иван", "+79990001301", "tajna");
            // The Mini App's sign-in works only with the phone and password typed here.
            String session = sandbox.mtproto().login("+79990001301", "12345", "tajna");
            assertThat(session).isNotBlank();

            browser.findElement(By.id("new-channel-title")).sendKeys("Кухня");
            browser.findElement(By.id("new-channel-button")).click();
            long chatId = Long.parseLong(wait.until(d -> d.findElement(By.cssSelector(".chat-item[data-kind='channel']")))
                    .getAttribute("data-chat-id"));
            assertThat(sandbox.channel(chatId).ownerId()).isEqualTo(owner);
            assertThat(sandbox.channel(chatId).title()).isEqualTo("Кухня");

            // The bot with the default rights (all but adding admins), then Мария with only "invite".
            appoint(browser, wait, TestSandbox.BOT_ID, r -> !r.equals("can_promote_members"));
            wait.until(d -> isAdmin(sandbox, chatId, TestSandbox.BOT_ID));
            appoint(browser, wait, helper, r -> r.equals("can_invite_users"));
            wait.until(d -> isAdmin(sandbox, chatId, helper));
            Channel appointed = sandbox.channel(chatId);
            assertThat(appointed.admins()).anySatisfy(a -> {
                assertThat(a.userId()).isEqualTo(TestSandbox.BOT_ID);
                assertThat(a.rights()).containsEntry("can_post_messages", true).containsEntry("can_promote_members", false);
            });
            assertThat(appointed.admins()).anySatisfy(a -> {
                assertThat(a.userId()).isEqualTo(helper);
                assertThat(a.rights()).containsEntry("can_invite_users", true).containsEntry("can_post_messages", false);
            });

            browser.findElement(By.id("file-input")).sendKeys(plan.toAbsolutePath().toString());
            browser.findElement(By.id("message-input")).sendKeys("Смета v1");
            browser.findElement(By.id("send-button")).click();
            wait.until(d -> d.findElements(By.cssSelector(".message .document a")).stream()
                    .anyMatch(a -> a.getText().equals("📄 план.pdf")));
            int postId = Integer.parseInt(browser.findElement(By.cssSelector(".message")).getAttribute("data-message-id"));
            assertThat(sandbox.channel(chatId).postCount()).isEqualTo(1);

            String link = TestSandbox.telegram().execute(CreateChatInviteLink.builder().chatId(chatId)
                    .createsJoinRequest(true).build()).getInviteLink();

            // The client asks to join, cancels, asks again.
            actAs(browser, client);
            browser.findElement(By.id("open-link-input")).sendKeys(link);
            browser.findElement(By.id("open-link-button")).click();
            click(wait, By.cssSelector(".pending-request[data-chat-id='" + chatId + "'] .cancel-request"), e -> true);
            wait.until(d -> sandbox.channel(chatId).joinRequests().isEmpty());
            browser.findElement(By.id("open-link-button")).click();
            wait.until(d -> sandbox.channel(chatId).joinRequests().size() == 1);

            // The second admin approves it on the channel's screen.
            actAs(browser, helper);
            click(wait, By.cssSelector(".chat-item[data-chat-id='" + chatId + "']"), e -> true);
            click(wait, By.cssSelector(".join-request[data-user-id='" + client + "'] .approve-request"), e -> true);
            wait.until(d -> sandbox.channel(chatId).members().stream()
                    .anyMatch(m -> m.userId() == client && m.status().equals("member")));
            assertThat(sandbox.joinDecisions(chatId)).singleElement().satisfies(d -> assertThat(d.actorId()).isEqualTo(helper));

            // The client opens the post: one view, shown on the page; the listing itself counted nothing.
            actAs(browser, client);
            click(wait, By.cssSelector(".chat-item[data-chat-id='" + chatId + "']"), e -> true);
            wait.until(d -> d.findElement(By.cssSelector(".message .meta-text")).getText().endsWith("👁 0"));
            click(wait, By.cssSelector(".view-button[data-message-id='" + postId + "']"), e -> true);
            wait.until(d -> d.findElement(By.cssSelector(".message .meta-text")).getText().endsWith("👁 1")
                    && !d.findElements(By.cssSelector(".viewed-mark")).isEmpty());

            click(wait, By.cssSelector(".leave-button"), e -> true);
            wait.until(d -> sandbox.channel(chatId).members().stream()
                    .anyMatch(m -> m.userId() == client && m.status().equals("left")));

            // "👥 Два окна": the owner and another user side by side, each pane acting as its own user.
            actAs(browser, owner);
            browser.findElement(By.id("two-panes")).click();
            wait.until(d -> d.getCurrentUrl().contains("split.html"));
            browser.switchTo().frame("left-pane");
            wait.until(d -> new Select(d.findElement(By.id("user-select"))).getFirstSelectedOption()
                    .getAttribute("value").equals(Long.toString(owner)));
            browser.switchTo().defaultContent();
            browser.switchTo().frame("right-pane");
            wait.until(d -> !new Select(d.findElement(By.id("user-select"))).getOptions().isEmpty()
                    && !new Select(d.findElement(By.id("user-select"))).getFirstSelectedOption()
                            .getAttribute("value").equals(Long.toString(owner)));
        } finally {
            browser.quit();
        }
    }

    /** Fills "👤 Создать пользователя"; the page then acts as the new user. Returns their id. */
    private static long createUser(WebDriver browser, WebDriverWait wait, String name, String phone, String password) {
        int before = new Select(browser.findElement(By.id("user-select"))).getOptions().size();
        browser.findElement(By.id("new-user-name")).sendKeys(name);
        if (phone != null) {
            browser.findElement(By.id("new-user-phone")).sendKeys(phone);
        }
        if (password != null) {
            browser.findElement(By.id("new-user-password")).sendKeys(password);
        }
        browser.findElement(By.id("new-user-button")).click();
        wait.until(d -> new Select(d.findElement(By.id("user-select"))).getOptions().size() == before + 1);
        // The page selects the new user after it redraws the list: wait for that too, not only for the new option.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> new Select(d.findElement(By.id("user-select")))
                .getFirstSelectedOption().getText().startsWith(name));
        Select select = new Select(browser.findElement(By.id("user-select")));
        assertThat(select.getFirstSelectedOption().getText()).startsWith(name);
        return Long.parseLong(select.getFirstSelectedOption().getAttribute("value"));
    }

    private static boolean isAdmin(SandboxClient sandbox, long chatId, long userId) {
        return sandbox.channel(chatId).admins().stream().anyMatch(a -> a.userId() == userId);
    }

    private static void actAs(WebDriver browser, long userId) {
        new Select(browser.findElement(By.id("user-select"))).selectByValue(Long.toString(userId));
    }

    private static void appoint(WebDriver browser, WebDriverWait wait, long userId, Predicate<String> right) {
        wait.until(d -> d.findElement(By.id("add-admin-form")).isDisplayed());
        new Select(browser.findElement(By.id("add-admin-user"))).selectByValue(Long.toString(userId));
        for (WebElement box : browser.findElements(By.cssSelector("#add-admin-rights input"))) {
            if (box.isSelected() != right.test(box.getAttribute("name"))) {
                box.click();
            }
        }
        browser.findElement(By.id("add-admin-button")).click();
    }

    private static void click(WebDriverWait wait, By target, Predicate<WebElement> which) {
        wait.until(d -> {
            for (WebElement element : d.findElements(target)) {
                if (element.isDisplayed() && which.test(element)) {
                    element.click();
                    return true;
                }
            }
            return false;
        });
    }
}
