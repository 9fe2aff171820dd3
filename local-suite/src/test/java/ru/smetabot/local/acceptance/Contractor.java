package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * A contractor using the bot in the sandbox the way a person does: reply-keyboard buttons, inline
 * buttons, typed text and sent documents, reading what the bot shows. Waits are generous because
 * the suite shares two cores with other builds.
 */
final class Contractor {

    static final Duration WAIT = Duration.ofSeconds(40);

    private final Suite suite;
    private final SandboxClient tg;
    private final long id;
    private final String phone;

    private Contractor(Suite suite, long id, String phone) {
        this.suite = suite;
        this.tg = suite.sandbox();
        this.id = id;
        this.phone = phone;
    }

    /** A new Telegram user (with a phone, so the account can be connected) who writes /start. */
    static Contractor signUp(Suite suite, String name) {
        long id = Suite.newUserId();
        String phone = "+7999" + id;
        suite.sandbox().createUser(id, name, null, "owner" + id, phone, null);
        Contractor contractor = new Contractor(suite, id, phone);
        contractor.say("/start", "SmetaBot");
        return contractor;
    }

    long id() {
        return id;
    }

    /** The same person in the suite started again on the same data, after a restart. */
    Contractor in(Suite restarted) {
        return new Contractor(restarted, id, phone);
    }

    /**
     * Connects the contractor's own Telegram account to the userbot: phone, then the code Telegram
     * sends (the sandbox's test code). The bot's "🔐 Подключить аккаунт" page is not built yet, so
     * this goes through the userbot's /session/login/* as that page will.
     */
    void connectAccount() {
        ServiceHttp.Reply started = suite.userbot("POST", "/session/login/start", Map.of("account", id, "phone", phone));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json()).containsEntry("state", "code_required");
        ServiceHttp.Reply code = suite.userbot("POST", "/session/login/code",
                Map.of("loginId", started.json().get("loginId"), "code", Suite.LOGIN_CODE));
        assertThat(code.status()).as(code.body()).isEqualTo(200);
        assertThat(code.json()).containsEntry("state", "ready");
    }

    Message say(String text, String expect) {
        Message sent = tg.sendText(id, suite.botId(), text);
        return tg.awaitBotMessage(id, suite.botId(), expect, sent.messageId(), WAIT);
    }

    /** Waits for a message from the bot the contractor did not ask for (a notification). */
    Message awaitMessage(String contains) {
        return tg.awaitBotMessage(id, suite.botId(), contains, 0, WAIT);
    }

    /** Presses a button of the main menu (reply keyboard) and waits for the answer containing {@code expect}. */
    Message press(String button, String expect) {
        Message pressed = tg.pressReplyButton(id, suite.botId(), button);
        return tg.awaitBotMessage(id, suite.botId(), expect, pressed.messageId(), WAIT);
    }

    /** Presses the inline button whose text starts with {@code prefix}; returns the callback id. */
    String pressInline(Message message, String prefix) {
        String data = message.inlineKeyboard() == null ? null : message.inlineKeyboard().stream()
                .flatMap(List::stream).filter(b -> ((String) b.get("text")).startsWith(prefix))
                .map(b -> (String) b.get("callback_data")).findFirst().orElse(null);
        assertThat(data).as("button '%s' on: %s", prefix, message.text()).isNotNull();
        return tg.pressInlineButton(id, suite.botId(), message.messageId(), data);
    }

    /** Waits until the bot's message {@code messageId} reads all of {@code parts} (it is edited in place). */
    Message awaitText(int messageId, Duration timeout, String... parts) {
        Instant deadline = Instant.now().plus(timeout);
        Message now = current(messageId);
        while (!containsAll(now, parts) && Instant.now().isBefore(deadline)) {
            sleep(250);
            now = current(messageId);
        }
        assertThat(now.text()).as("message %d after %s", messageId, timeout).contains(Arrays.asList(parts));
        return now;
    }

    Message awaitText(int messageId, String... parts) {
        return awaitText(messageId, WAIT, parts);
    }

    Message current(int messageId) {
        return tg.readDialog(id, suite.botId()).messages().stream().filter(m -> m.messageId() == messageId)
                .reduce((first, second) -> second).orElseThrow();
    }

    /** "🆕 Новый канал" → title → the new room's card. Returns the channel's chat id. */
    long createRoom(String title) {
        press("🆕 Новый канал", "Напишите название канала");
        say(title, "📌 " + title);
        return suite.queryLong("""
                SELECT c.tg_chat_id FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id
                 WHERE k.tg_user_id = ? AND c.title = ?""", id, title);
    }

    /** "📤 Опубликовать файл" → send the document → pick the room → "✅ … опубликован". */
    void publish(String roomTitle, String fileName) {
        press("📤 Опубликовать файл", "Пришлите файл");
        byte[] content = ("%PDF-1.4 " + fileName).getBytes(StandardCharsets.UTF_8);
        Message doc = tg.sendDocument(id, suite.botId(), fileName, "application/pdf", content, null);
        Message answer = tg.awaitBotMessage(id, suite.botId(), "«" + fileName + "»", doc.messageId(), WAIT);
        if (answer.text().contains("В какой канал")) {
            pressInline(answer, "📂 " + roomTitle);
        }
        awaitText(answer.messageId(), "✅ Файл «" + fileName + "» опубликован в «" + roomTitle + "»");
    }

    /** "📢 Мои каналы" → "📂 room": the card, in the list message edited in place. */
    Message openCard(String roomTitle) {
        Message list = press("📢 Мои каналы", "Мои каналы");
        pressInline(list, "📂 " + roomTitle);
        return awaitText(list.messageId(), "📌 " + roomTitle);
    }

    /**
     * "🔗 Ссылки" → "📂 room" → "➕ Новая ссылка" → the name → "7 дней" → "Без лимита" → "✅ Ссылка создана":
     * the link the bot shows, to send to a client.
     */
    String createLink(String roomTitle, String linkName) {
        return createLink(roomTitle, linkName, "Без лимита");
    }

    /** The same with a limit: {@code limitButton} is "1", "5", "10" or "Без лимита". */
    String createLink(String roomTitle, String linkName, String limitButton) {
        Message chooser = press("🔗 Ссылки", "Выберите канал");
        pressInline(chooser, "📂 " + roomTitle);
        Message links = awaitText(chooser.messageId(), "Ссылки канала «" + roomTitle + "»");
        pressInline(links, "➕ Новая ссылка");
        awaitText(chooser.messageId(), "Напишите название новой ссылки");
        Message expiry = say(linkName, "сколько будет действовать ссылка");
        pressInline(expiry, "7 дней");
        Message limit = awaitText(expiry.messageId(), "сколько заявок одобрить");
        pressInline(limit, limitButton);
        Message created = awaitText(expiry.messageId(), "✅ Ссылка создана");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://t\\.me/\\+[A-Za-z0-9_-]+")
                .matcher(created.text());
        assertThat(link.find()).as(created.text()).isTrue();
        return link.group();
    }

    /** "🔄 Обновить статистику" on the card; returns the callback id. */
    String refresh(Message card) {
        return pressInline(card, "🔄 Обновить статистику");
    }

    /**
     * "🔄 Обновить статистику", and again (as a person would) while the card says another refresh is
     * running (the worker's periodic one may hold the room's lease at that moment).
     */
    Message refreshUntil(Message card, String... parts) {
        for (int attempt = 1; attempt <= 4; attempt++) {
            pressInline(current(card.messageId()), "🔄 Обновить статистику");
            Instant deadline = Instant.now().plus(WAIT);
            Message now = current(card.messageId());
            while (!reached(now, parts) && !busy(now) && Instant.now().isBefore(deadline)) {
                sleep(250);
                now = current(card.messageId());
            }
            if (reached(now, parts)) {
                return now;
            }
            sleep(1000);
        }
        return awaitText(card.messageId(), Duration.ZERO, parts);
    }

    /**
     * The card shows what was asked for, from a refresh that ran: "обновление уже идёт" (the worker's
     * run of the room was in progress) carries a ⚠️ too, but says nothing about the room, so press again.
     */
    private static boolean reached(Message card, String... parts) {
        return containsAll(card, parts) && !busy(card);
    }

    private static boolean busy(Message card) {
        return card.text() != null && card.text().contains("обновление уже идёт");
    }

    private static boolean containsAll(Message message, String... parts) {
        return message.text() != null && Arrays.stream(parts).allMatch(message.text()::contains);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
