package ru.smetabot.local.acceptance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.smetabot.sandbox.testing.OfflineChromium;

/**
 * The telegram-sandbox web page in headless Chromium, driven only by what a person does there: typing,
 * clicking buttons, picking a file, choosing a user. Reads only what the page shows. The page re-renders as
 * it polls, so every find is retried until it holds.
 */
final class SandboxPage implements AutoCloseable {

    private static final Pattern INVITE_LINK = Pattern.compile("https://t\\.me/\\+[A-Za-z0-9_-]+");

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final Path screenshots;

    SandboxPage(String sandboxUrl, Path profile, Path screenshots) {
        this.browser = OfflineChromium.start(profile, "--lang=ru");
        this.browser.manage().window().setSize(new Dimension(1280, 1000));
        this.wait = new WebDriverWait(browser, Contractor.WAIT);
        this.wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        this.screenshots = screenshots;
        browser.get(sandboxUrl + "/?lang=ru");
    }

    /** "👤 Создать пользователя" with a name, and a phone and 2FA password when given; returns the new id. */
    long createUser(String name, String username, String phone, String password) {
        int before = userSelect().getOptions().size();
        type("new-user-name", name);
        type("new-user-username", username);
        if (phone != null) {
            type("new-user-phone", phone);
        }
        if (password != null) {
            type("new-user-password", password);
        }
        browser.findElement(By.id("new-user-button")).click();
        wait.until(d -> userSelect().getOptions().size() == before + 1);
        return Long.parseLong(userSelect().getFirstSelectedOption().getAttribute("value"));
    }

    void actAs(long userId) {
        wait.until(d -> {
            userSelect().selectByValue(Long.toString(userId));
            return true;
        });
    }

    void openChat(long chatId) {
        click(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']"));
    }

    /** The channel the user is in with this title: its chat id, once it is in the chat list. */
    long channelNamed(String title) {
        WebElement item = wait.until(d -> d.findElements(By.cssSelector(".chat-item[data-kind='channel']")).stream()
                .filter(e -> e.getText().startsWith("📢 " + title)).findFirst().orElse(null));
        return Long.parseLong(item.getAttribute("data-chat-id"));
    }

    void send(String text) {
        type("message-input", text);
        browser.findElement(By.id("send-button")).click();
    }

    void sendFile(Path file) {
        browser.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("send-button")).click();
    }

    void pressReply(String text) {
        click(By.xpath("//button[contains(@class,'reply-button') and normalize-space(.)='" + text + "']"));
    }

    /** The last inline button starting with {@code prefix} (the bot edits its screens in place). */
    void pressInline(String prefix) {
        // A button labelled exactly so wins over longer ones it starts ("👥 Участники" beside "👥 Участники по дням").
        By exact = By.xpath("(//button[contains(@class,'inline-button') and normalize-space(.) = '" + prefix + "'])[last()]");
        click(browser.findElements(exact).isEmpty() ? By.xpath("(//button[contains(@class,'inline-button') and "
                + "starts-with(normalize-space(.), '" + prefix + "')])[last()]") : exact);
    }

    /** Waits until the last message that contains {@code parts[0]} contains all parts; returns its text. */
    String awaitMessage(String... parts) {
        return awaitMessageWithin(Contractor.WAIT, parts);
    }

    String awaitMessageWithin(java.time.Duration timeout, String... parts) {
        WebDriverWait within = new WebDriverWait(browser, timeout);
        within.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        return within.until(d -> {
            var texts = d.findElements(By.cssSelector(".message .text"));
            for (int i = texts.size() - 1; i >= 0; i--) {
                String text = texts.get(i).getText();
                if (text.contains(parts[0])) {
                    return Arrays.stream(parts).allMatch(text::contains) ? text : null;
                }
            }
            return null;
        });
    }

    String awaitInviteLink() {
        Matcher link = INVITE_LINK.matcher(awaitMessage("✅ Ссылка создана"));
        if (!link.find()) {
            throw new AssertionError("no invite link in the bot's message");
        }
        return link.group();
    }

    /** The Mini App in the side panel: the hint above it, then phone, code and password as a person types them. */
    String signInInMiniApp(String phone, String password) throws Exception {
        String hint = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-hint"))).getText();
        String code = hint.replaceAll("(?s).*код (\\d+).*", "$1");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("webapp-frame")));
        miniAppStep("phone", phone, "phone-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        browser.switchTo().defaultContent();
        shoot("walk-0-sign-in");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("webapp-frame")));
        miniAppStep("code", code, "code-submit");
        if (password != null) {
            miniAppStep("password", password, "password-submit");
        }
        String account = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done-account"))).getText();
        browser.switchTo().defaultContent();
        browser.findElement(By.id("webapp-close")).click();
        return hint + " → " + account;
    }

    /** "📢 Создать канал": a channel the current user owns, opened on the page; returns its chat id. */
    long createChannel(String title) {
        type("new-channel-title", title);
        browser.findElement(By.id("new-channel-button")).click();
        return channelNamed(title);
    }

    /** "➕ Назначить администратора" in the open channel: {@code userId} with the rights the form ticks by default. */
    void appointAdmin(long userId) {
        wait.until(d -> d.findElement(By.id("add-admin-form")).isDisplayed());
        new Select(browser.findElement(By.id("add-admin-user"))).selectByValue(Long.toString(userId));
        browser.findElement(By.id("add-admin-button")).click();
    }

    void openInviteLink(String link) {
        type("open-link-input", link);
        browser.findElement(By.id("open-link-button")).click();
    }

    /** "👁 Открыть" on the post with this document; waits for the page's "✓ просмотрено". */
    void viewPost(String fileName) {
        click(By.xpath("//div[contains(@class,'message')][.//a[normalize-space(.)='📄 " + fileName + "']]"
                + "//button[contains(@class,'view-button')]"));
        wait.until(d -> !d.findElements(By.xpath("//div[contains(@class,'message')][.//a[normalize-space(.)='📄 "
                + fileName + "']]//span[contains(@class,'viewed-mark')]")).isEmpty());
    }

    String status() {
        return browser.findElement(By.id("status")).getText();
    }

    /** Saves what the page shows now as {@code name}.png, when screenshots were asked for. */
    void shoot(String name) throws Exception {
        if (screenshots == null) {
            return;
        }
        // The page polls every second: let the last change render before the picture.
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
        ((JavascriptExecutor) browser).executeScript(
                "const m = document.getElementById('messages'); m.scrollTop = m.scrollHeight;");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void miniAppStep(String input, String value, String submit) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(input)));
        field.clear();
        field.sendKeys(value);
        wait.until(ExpectedConditions.elementToBeClickable(By.id(submit))).click();
    }

    private Select userSelect() {
        return new Select(browser.findElement(By.id("user-select")));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(By target) {
        wait.until(d -> {
            for (WebElement element : d.findElements(target)) {
                if (element.isDisplayed() && element.isEnabled()) {
                    element.click();
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public void close() {
        browser.quit();
    }
}
