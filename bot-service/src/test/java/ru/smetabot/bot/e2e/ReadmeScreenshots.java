package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.sandbox.testing.OfflineChromium;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.ViewsRefresher;

/**
 * The README's screenshots, not a test of the default run: the bot on the sandbox as in the end-to-end
 * tests, a room with three files, a few weeks of views and four clients, and the sandbox's web page in
 * headless Chromium showing the card (with acknowledgements), who acknowledged a file, "👥 Участники" and the chart. Run it with
 * {@code scripts/readme-screenshots.sh} (PNGs go to docs/screenshots/; emoji need fonts-noto-color-emoji).
 */
@EnabledIfSystemProperty(named = "smetabot.screenshots", matches = "true")
@TestPropertySource(properties = "smetabot.bot.digests.check-interval=0s") // no weekly digest under the card
class ReadmeScreenshots extends BotThroughSandbox {

    private static final String ROOM = "Иванов — кухня";

    @Autowired
    ViewsRefresher refresher;

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Test
    void cardMembersAndChart(@TempDir Path profile) throws Exception {
        Path out = Path.of(System.getProperty("smetabot.screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        long owner = newOwner("Иван", true);
        seedRoom(owner);

        WebDriver browser = OfflineChromium.start(profile, "--lang=ru");
        try {
            browser.manage().window().setSize(new Dimension(1280, 1150));
            browser.get(BotSandbox.server().baseUrl() + "/?user=" + owner);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            click(wait, By.cssSelector(".chat-item[data-chat-id='" + BOT + "']"));
            click(wait, By.xpath("//button[contains(@class,'reply-button') and contains(., 'Мои каналы')]"));
            clickInline(wait, "📂 " + ROOM);
            waitForText(wait, "📊 Файлов: 3");
            settle();
            shoot(browser, out.resolve("channel-card.png"));

            clickInline(wait, "✅ Ознакомления");
            clickInline(wait, "📄 Смета кухня v2.pdf");
            waitForText(wait, "Ознакомились: 3 из 4");
            settle();
            shoot(browser, out.resolve("acknowledgements.png"));
            clickInline(wait, "⬅️ К файлам");
            clickInline(wait, "⬅️ К каналу");
            waitForText(wait, "📊 Файлов: 3");

            clickInlineExactly(wait, "👥 Участники"); // not "👥 Участники по дням"
            waitForText(wait, "Администраторы");
            settle();
            shoot(browser, out.resolve("members.png"));

            clickInline(wait, "⬅️ Назад");
            waitForText(wait, "📊 Файлов: 3");
            clickInline(wait, "📈 График");
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "const i = [...document.querySelectorAll('.message img.photo')].pop();"
                            + " if (i && i.complete) { i.closest('.message').scrollIntoView({block: 'end'});"
                            + " return i.naturalWidth; } return 0;"))
                    .intValue() > 0);
            settle();
            shoot(browser, out.resolve("chart.png"));
        } finally {
            browser.quit();
        }
    }

    /** Three files published through the bot, four clients by two named links, three weeks of view history. */
    private void seedRoom(long owner) throws Exception {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, ROOM, "📌 " + ROOM);
        long chatId = roomChat(owner, ROOM);
        Room room = rooms.findByTgChatId(chatId).orElseThrow();
        for (String file : List.of("Смета кухня v1.pdf", "План расстановки.dwg", "Смета кухня v2.pdf")) {
            Message doc = sandbox.sendDocument(owner, BOT, file, "application/octet-stream",
                    ("demo " + file).getBytes(StandardCharsets.UTF_8), null);
            Message chooser = sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать", doc.messageId(), WAIT);
            pressInline(owner, chooser, "📂 " + ROOM);
            sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «" + file + "» опубликован", WAIT);
        }
        String family = links.create(room, new LinkOptions("Семья Ивановых", 0, 0)).getLink();
        String foreman = links.create(room, new LinkOptions("Прораб", 0, 0)).getLink();
        int last = sandbox.readDialog(owner, BOT).last().messageId();
        String[][] clients = {{"Ольга", "Смирнова", "olga_sm", family}, {"Сергей", "Кузнецов", "kuznetsov_s", family},
                {"Марина", "Иванова", "marina_iv", family}, {"Алексей", "Попов", "popov_prorab", foreman}};
        int acknowledging = 3; // the first three acknowledge the newest file, the first one also the plan
        for (String[] c : clients) {
            long id = BotSandbox.newUserId() + 400_000;
            sandbox.createUser(id, c[0], c[1], c[2], null, null);
            sandbox.openInviteLink(id, c[3]);
            last = sandbox.awaitBotMessage(owner, BOT, c[0], last, WAIT).messageId();
            List<Message> posts = sandbox.readChannel(chatId, id);
            for (Message post : posts) {
                boolean newest = post.document().fileName().equals("Смета кухня v2.pdf");
                boolean plan = post.document().fileName().equals("План расстановки.dwg") && acknowledging == 3;
                if (acknowledging > 0 && (newest || plan)) {
                    String press = sandbox.pressChannelPostButton(chatId, id, post.messageId(), "ack");
                    SafetyTests.awaitTrue(() -> sandbox.callbackAnswer(press).answered());
                }
            }
            acknowledging--;
        }
        assertThat(refresher.refreshViewsForRoom(room.getId(), RefreshTrigger.onDemand()).refreshed()).isTrue();
        backdateHistory(room);
    }

    /** The files were "published" weeks ago and their counts grew day by day up to today's real ones. */
    private void backdateHistory(Room room) {
        jdbc.sql("""
                UPDATE core.publications SET posted_at = now() - (22 - 7 * (message_id - 1)) * INTERVAL '1 day'
                 WHERE channel_id = :room
                """).param("room", room.getId()).update();
        // The clients came a month ago, so each file's reach (views ÷ members when posted) shows on the card.
        jdbc.sql("UPDATE core.clients SET joined_at = now() - INTERVAL '30 days' WHERE channel_id = :room")
                .param("room", room.getId()).update();
        jdbc.sql("""
                INSERT INTO analytics.view_snapshots (publication_id, captured_at, views)
                SELECT p.id, p.posted_at + d * INTERVAL '1 day' + INTERVAL '3 hours', d
                  FROM core.publications p, generate_series(1, 30) AS d
                 WHERE p.channel_id = :room AND d < p.views * 3 AND d % 3 = 0
                   AND p.posted_at + d * INTERVAL '1 day' < now() - INTERVAL '1 day'
                """).param("room", room.getId()).update();
        jdbc.sql("""
                UPDATE analytics.view_snapshots s SET views = LEAST(s.views / 3, p.views - 1)
                  FROM core.publications p WHERE p.id = s.publication_id AND p.channel_id = :room
                   AND s.captured_at < now() - INTERVAL '1 hour'
                """).param("room", room.getId()).update();
    }

    private static void clickInline(WebDriverWait wait, String prefix) {
        // The last message carrying that button: the card is edited in place, older copies are above.
        click(wait, By.xpath("(//button[contains(@class,'inline-button') and starts-with(normalize-space(.), '"
                + prefix + "')])[last()]"));
    }

    private static void clickInlineExactly(WebDriverWait wait, String label) {
        click(wait, By.xpath("(//button[contains(@class,'inline-button') and normalize-space(.) = '" + label + "'])[last()]"));
    }

    private static void waitForText(WebDriverWait wait, String text) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".message .text"))
                .stream().anyMatch(e -> e.getText().contains(text)));
    }

    private static void click(WebDriverWait wait, By target) {
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(d -> {
                    d.findElement(target).click();
                    return true;
                });
    }

    /** The page polls every second; let it render the last change and the toast fade into place. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_500);
    }

    private static void shoot(WebDriver browser, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

}
