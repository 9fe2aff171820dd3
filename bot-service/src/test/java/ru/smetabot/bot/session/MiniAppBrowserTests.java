package ru.smetabot.bot.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.smetabot.model.testing.TestPostgres;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.sandbox.testing.OfflineChromium;
import ru.smetabot.userbot.UserbotApplication;
import ru.smetabot.userbotapi.SessionStatus;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;

/**
 * The whole connection in headless Chromium, nothing faked: telegram-sandbox (in-process), the real
 * userbot-service with USERBOT_GATEWAY=sandbox (in-process), and this bot on a real port. A person opens
 * the sandbox's chat page, presses "🔐 Подключить аккаунт", signs in in the Mini App (a wrong code first),
 * and the chat shows the confirmation; the userbot's /session/status has the account authorized.
 * Own sandbox, bot token and database (same embedded server), so it never meets the e2e suite's updates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "smetabot.bot.token=" + MiniAppBrowserTests.TOKEN,
        "smetabot.bot.userbot-api-token=" + MiniAppBrowserTests.USERBOT_TOKEN,
        "smetabot.bot.poll-timeout-seconds=1",
        "management.server.port=0"})
@DirtiesContext
class MiniAppBrowserTests {

    static final long BOT = 7_300_001L;
    static final String TOKEN = BOT + ":miniapp-browser";
    static final String USERBOT_TOKEN = "miniapp-browser-userbot";
    private static final long USER = 6_100_001L;
    private static final String PHONE = "+79990061001";
    private static final String PASSWORD = "tajna-2fa";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final int BOT_PORT = freePort();
    private static final String DATABASE_URL = newDatabase("miniapp_browser");
    private static final SandboxServer SANDBOX = SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=smeta_miniapp_bot"));
    private static final ConfigurableApplicationContext USERBOT = new SpringApplicationBuilder(UserbotApplication.class).run(
            "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false", "--spring.datasource.url=" + DATABASE_URL,
            "--spring.datasource.username=postgres", "--spring.datasource.password=",
            "--smetabot.userbot.api-token=" + USERBOT_TOKEN, "--smetabot.userbot.gateway=sandbox",
            "--smetabot.userbot.sandbox-url=" + SANDBOX.baseUrl(), "--spring.application.name=userbot-service");
    private static final URI USERBOT_URL = URI.create("http://localhost:" + USERBOT.getEnvironment().getProperty("local.server.port"));

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("server.port", () -> BOT_PORT);
        registry.add("smetabot.bot.public-url", () -> "http://localhost:" + BOT_PORT);
        registry.add("smetabot.bot.telegram-api-url", SANDBOX::baseUrl);
        registry.add("smetabot.bot.userbot-url", USERBOT_URL::toString);
    }

    static {
        // After this class's bot context (closed by @DirtiesContext after @AfterAll), so its poller never sees them go.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            USERBOT.close();
            SANDBOX.close();
        }));
    }

    @Test
    void aContractorConnectsTheAccountInTheMiniAppAndThenDisconnectsIt(@TempDir Path profile) {
        OfflineChromium.requireInstalled();
        SandboxClient sandbox = SANDBOX.client();
        sandbox.createUser(USER, "Anna", null, "anna_smeta", PHONE, PASSWORD);
        UserbotApi userbot = UserbotClients.create(USERBOT_URL, USERBOT_TOKEN, Duration.ofSeconds(10));

        WebDriver browser = OfflineChromium.start(profile);
        try {
            // The sandbox page re-renders the chat as it polls: an element found a moment ago may be gone.
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(SANDBOX.baseUrl() + "/?user=" + USER);
            click(wait, By.cssSelector(".chat-item[data-chat-id='" + BOT + "']"), e -> true);
            browser.findElement(By.id("message-input")).sendKeys("/start");
            browser.findElement(By.id("send-button")).click();
            click(wait, By.cssSelector(".reply-button"), b -> b.getText().equals("🆕 Новый канал"));
            click(wait, By.cssSelector(".inline-button[data-web-app]"), e -> true);

            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("webapp-frame")));
            type(wait, "phone", PHONE, "phone-submit");
            type(wait, "code", "11111", "code-submit");
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-text")));
            assertThat(error.getText()).startsWith("Неверный код");
            browser.findElement(By.id("retry")).click();
            type(wait, "code", "12345", "code-submit");
            type(wait, "password", PASSWORD, "password-submit");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertThat(browser.findElement(By.id("done-account")).getText()).isEqualTo("@anna_smeta");

            browser.switchTo().defaultContent();
            wait.until(d -> d.findElements(By.cssSelector(".message .text")).stream()
                    .anyMatch(e -> e.getText().startsWith("✅ Аккаунт подключён: @anna_smeta")));
        } finally {
            browser.quit();
        }
        assertThat(status(userbot).authorized()).isTrue();
        assertThat(status(userbot).authorizationState()).isEqualToIgnoringCase("ready");

        Message account = say(sandbox, "/account", "Ваш Telegram-аккаунт подключён");
        sandbox.pressInlineButton(USER, BOT, account.messageId(), account.callbackData("🔌 Отключить аккаунт"));
        Message confirm = sandbox.awaitBotMessage(USER, BOT, "Отключить аккаунт?", account.messageId() - 1, WAIT);
        sandbox.pressInlineButton(USER, BOT, confirm.messageId(), "acct:off:yes");
        sandbox.awaitBotMessage(USER, BOT, "Аккаунт отключён", account.messageId() - 1, WAIT);
        assertThat(status(userbot).authorized()).isFalse();
    }

    private static SessionStatus.Account status(UserbotApi userbot) {
        return userbot.sessionStatus(USER).accounts().get(0);
    }

    private static Message say(SandboxClient sandbox, String text, String expect) {
        Message sent = sandbox.sendText(USER, BOT, text);
        return sandbox.awaitBotMessage(USER, BOT, expect, sent.messageId(), WAIT);
    }

    /** Clicks the first matching element, looking again if the page re-rendered it in between. */
    private static void click(WebDriverWait wait, By target, Predicate<WebElement> which) {
        wait.until(d -> {
            for (WebElement element : d.findElements(target)) {
                if (element.isDisplayed() && element.isEnabled() && which.test(element)) {
                    element.click();
                    return true;
                }
            }
            return false;
        });
    }

    private static void type(WebDriverWait wait, String input, String value, String submit) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(input)));
        field.clear();
        field.sendKeys(value);
        wait.until(ExpectedConditions.elementToBeClickable(By.id(submit))).click();
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database of its own on the JVM's embedded PostgreSQL (TestPostgres), migrated by the userbot at start. */
    private static String newDatabase(String name) {
        try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return TestPostgres.server().getJdbcUrl("postgres", name);
    }
}
