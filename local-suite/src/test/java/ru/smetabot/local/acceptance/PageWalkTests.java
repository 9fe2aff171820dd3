package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import ru.smetabot.sandbox.testing.OfflineChromium;

/**
 * The seed's Test 1, 2 and 3 walked only by clicking the sandbox's web page in headless Chromium, against
 * the suite as ./run-local starts it: no control API call, no userbot or worker call in between. The
 * database is only read, to show which refresh produced a number. Last, the other way to a room: a channel
 * made on the page with the bot appointed admin there. With {@code -Dsmetabot.screenshots=true}
 * it saves the README's screenshots on the way ({@code scripts/readme-screenshots.sh}).
 */
@ExtendWith(SharedSuite.class)
class PageWalkTests {

    private static final String ROOM = "Иванов — кухня";
    private static final String FILE = "smeta.pdf";
    private static final String PASSWORD = "dacha-2fa";

    private final Suite suite;

    PageWalkTests(Suite suite) {
        this.suite = suite;
    }

    @Test
    void ownerAndClientsWalkTheSeedChecklistOnThePage(@TempDir Path profile, @TempDir Path files) throws Exception {
        OfflineChromium.requireInstalled();
        Path file = Files.writeString(files.resolve(FILE), "%PDF-1.4 смета", StandardCharsets.UTF_8);
        String phone = "+7999" + Suite.newUserId();
        long bot = suite.botId();

        try (SandboxPage page = new SandboxPage(suite.local().sandboxUrl(), profile, screenshotDir())) {
            // The owner, with a phone and a 2FA password; /start; "🆕 Новый канал" asks to connect the account.
            long owner = page.createUser("Иван", "ivan" + phone.substring(5), phone, PASSWORD);
            page.openChat(bot);
            page.send("/start");
            page.pressReply("🆕 Новый канал");
            page.pressInline("🔐 Подключить аккаунт");
            String signedIn = page.signInInMiniApp(phone, PASSWORD);
            assertThat(signedIn).contains("код 12345").endsWith("@ivan" + phone.substring(5));
            page.awaitMessage("✅ Аккаунт подключён");

            // Test 1: a room made by the bot, a file published through it.
            page.pressReply("🆕 Новый канал");
            page.awaitMessage("Напишите название канала");
            page.send(ROOM);
            page.awaitMessage("📌 " + ROOM);
            page.pressReply("📤 Опубликовать файл");
            page.awaitMessage("Пришлите файл");
            page.sendFile(file);
            if (page.awaitMessage("«" + FILE + "»").contains("В какой канал")) {
                page.pressInline("📂 " + ROOM);
            }
            page.awaitMessage("✅ Файл «" + FILE + "» опубликован в «" + ROOM + "»");
            page.shoot("walk-1-published");

            // Test 2: an invite link made in the bot.
            page.pressReply("🔗 Ссылки");
            page.pressInline("📂 " + ROOM);
            page.pressInline("➕ Новая ссылка");
            page.awaitMessage("Напишите название новой ссылки");
            page.send("Семья");
            page.pressInline("7 дней");
            page.pressInline("Без лимита");
            String link = page.awaitInviteLink();
            page.shoot("walk-2-link");

            // A client opens the link (a join request the bot approves), opens the channel and the file.
            long client = page.createUser("Ольга", "olga" + phone.substring(5), null, null);
            page.openInviteLink(link);
            long chatId = page.channelNamed(ROOM);
            page.openChat(chatId);
            page.viewPost(FILE);
            page.shoot("walk-3-client-viewed");

            // Back as the owner: the card after "🔄 Обновить статистику", then "👥 Участники".
            page.actAs(owner);
            page.openChat(bot);
            page.awaitMessage("вступил(а) по ссылке «Семья»", "Ольга");
            openCard(page);
            String card = refreshUntil(page, FILE + " — 👁 1");
            assertThat(card).contains("Файлов: 1").contains("Просмотров: 1");
            page.shoot("walk-4-card");
            page.pressInline("👥 Участники");
            String members = page.awaitMessage("Участники канала «" + ROOM + "»", "Администраторы", "Ольга");
            assertThat(members).contains("👑 Иван").contains("🤖").contains("«Семья»").contains("✅ в канале");
            page.shoot("walk-5-members");

            // Test 3: a second client views; nobody presses anything; the worker's periodic run updates the card.
            page.createUser("Сергей", "sergey" + phone.substring(5), null, null);
            page.openInviteLink(link);
            page.openChat(page.channelNamed(ROOM));
            page.viewPost(FILE);
            Instant viewed = Instant.now();
            page.actAs(owner);
            page.openChat(bot);
            String later = reopenCardUntil(page, FILE + " — 👁 2", Duration.ofSeconds(90));
            assertThat(later).contains("Просмотров: 2");
            page.shoot("walk-6-periodic");
            assertThat(suite.queryLong("""
                    SELECT count(*) FROM analytics.refresh_runs r JOIN core.channels c ON c.id = r.channel_id
                     WHERE c.tg_chat_id = ? AND r.trigger = 'periodic' AND r.outcome = 'refreshed'
                       AND r.started_at >= ?""", chatId, java.sql.Timestamp.from(viewed.minusSeconds(1))))
                    .as("the worker's periodic run brought the second view").isPositive();
            assertThat(client).isNotEqualTo(owner);

            // The other way to a room: a channel made on the page, the bot appointed admin there.
            long own = page.createChannel("Петров — ванная");
            page.openChat(own);
            page.appointAdmin(bot);
            page.openChat(bot);
            page.awaitMessage("✅ Канал «Петров — ванная» подключён");
            page.pressReply("📢 Мои каналы");
            page.pressInline("📂 Петров — ванная");
            page.awaitMessage("📌 Петров — ванная", "Файлов");
        }
    }

    private static void openCard(SandboxPage page) {
        page.pressReply("📢 Мои каналы");
        page.pressInline("📂 " + ROOM);
        page.awaitMessage("📌 " + ROOM, "Файлов:");
    }

    /**
     * "🔄 Обновить статистику", again (as a person would) while the card says another refresh is running
     * (the worker's periodic run may hold the room at that moment).
     */
    private static String refreshUntil(SandboxPage page, String expected) {
        AssertionError last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            page.pressInline("🔄 Обновить статистику");
            try {
                return page.awaitMessage("📌 " + ROOM, expected);
            } catch (org.openqa.selenium.TimeoutException e) {
                last = new AssertionError("the card never showed " + expected, e);
            }
        }
        throw last;
    }

    /** Opens the card again every few seconds, as a person checks back, until it shows {@code expected}. */
    private static String reopenCardUntil(SandboxPage page, String expected, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            openCard(page);
            try {
                return page.awaitMessageWithin(Duration.ofSeconds(3), "📌 " + ROOM, expected);
            } catch (org.openqa.selenium.TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the card never showed " + expected + " within " + within, e);
                }
            }
        }
    }

    private static Path screenshotDir() {
        return Boolean.getBoolean("smetabot.screenshots")
                ? Path.of(System.getProperty("smetabot.screenshots.dir", "../docs/screenshots")) : null;
    }
}
