package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.smetabot.bot.e2e.SandboxScreens.assertWithinTelegramLimits;
import static ru.smetabot.bot.e2e.SandboxScreens.labels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Issue 14: screens that grow stay within Telegram's limits through the sandbox. A room with 40 links
 * (10 revoked) and 60 clients: «🔗 Ссылки» shows five usable links a page with "…и ещё N", a pager and
 * the revoked ones behind a button; «👥 Участники» pages its clients.
 */
class ScreenBoundsJourneyTests extends BotThroughSandbox {

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Test
    void fortyLinksAndSixtyClientsOpenPagedWithinTelegramsLimits() {
        long owner = newOwner("Лидия", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Большой объект");
        sandbox.awaitBotMessage(owner, BOT, "📌 Большой объект", sent.messageId(), WAIT);
        Room room = rooms.findByTgChatId(roomChat(owner, "Большой объект")).orElseThrow();

        List<InviteLink> made = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            // 32 characters, the longest name a link can have, with characters HTML must escape.
            made.add(links.create(room, new LinkOptions(String.format("%02d <Клиент & семья> ", i) + "ж".repeat(12), 7, 0)));
        }
        for (InviteLink link : made.subList(0, 10)) {
            links.revoke(room, link.getId());
        }
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    INSERT INTO core.clients (channel_id, invite_id, tg_user_id, username, full_name, status, joined_at)
                    VALUES (:room, :invite, :user, :username, :name, 'active', now() - make_interval(mins => :i))""")
                    .param("room", room.getId()).param("invite", made.get(i % 40).getId()).param("user", 8_800_000_000L + i)
                    .param("username", "client_" + "x".repeat(24) + i).param("name", "Клиент <" + i + "> " + "ю".repeat(50))
                    .param("i", i).update();
        }

        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        pressInline(owner, list, "📂 Большой объект");
        Message card = sandbox.awaitEditedBotMessage(owner, BOT, "📌 Большой объект", WAIT);
        pressInline(owner, card, "🔗 Ссылки");
        Message linksScreen = sandbox.awaitEditedBotMessage(owner, BOT, "…и ещё 25: листайте", WAIT);
        assertWithinTelegramLimits(linksScreen);
        assertThat(linksScreen.text()).contains("40 <Клиент & семья>").doesNotContain("01 <Клиент").doesNotContain("отозвана");
        assertThat(labels(linksScreen)).contains("1 / 6", "➡️", "➕ Новая ссылка", "🗂 Отозванные (10)");

        pressInline(owner, linksScreen, "➡️");
        Message second = sandbox.awaitEditedBotMessage(owner, BOT, "35 <Клиент & семья>", WAIT);
        assertWithinTelegramLimits(second);
        assertThat(labels(second)).contains("⬅️", "2 / 6", "➡️");

        pressInline(owner, second, "🗂 Отозванные");
        Message revoked = sandbox.awaitEditedBotMessage(owner, BOT, "Отозванные ссылки канала", WAIT);
        assertWithinTelegramLimits(revoked);
        assertThat(revoked.text()).contains("10 <Клиент & семья>").contains("отозвана").contains("…и ещё 5");
        assertThat(labels(revoked)).contains("1 / 2", "⬅️ К действующим").doesNotContain("➕ Новая ссылка");

        pressInline(owner, revoked, "⬅️ Назад");
        Message cardAgain = sandbox.awaitEditedBotMessage(owner, BOT, "📌 Большой объект", WAIT);
        pressInline(owner, cardAgain, "👥 Участники");
        Message members = sandbox.awaitEditedBotMessage(owner, BOT, "Клиенты (стр. 1 из 8)", WAIT);
        assertWithinTelegramLimits(members);
        assertThat(members.text()).contains("Клиент <0> ").contains("активных из 60");
        assertThat(labels(members)).contains("1 / 8", "➡️");

        pressInline(owner, members, "➡️");
        Message lastButOne = sandbox.awaitEditedBotMessage(owner, BOT, "Клиенты (стр. 2 из 8)", WAIT);
        assertWithinTelegramLimits(lastButOne);
        assertThat(lastButOne.text()).contains("Клиент <8> ").doesNotContain("Клиент <0> ");
    }

    /** Issue 15 item 15: Telegram's refusal reaches the owner as a hint in Russian with the right to give. */
    @Test
    void aLinkTheBotMayNotCreateIsExplainedWithTheRightToGiveNotTelegramsText() throws Exception {
        long owner = newOwner("Зоя", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Без прав");
        Message card = sandbox.awaitBotMessage(owner, BOT, "📌 Без прав", sent.messageId(), WAIT);
        long chatId = roomChat(owner, "Без прав");
        // The owner takes "Add members" away from the bot (the sandbox's control API, as the owner's app would).
        setBotRights(chatId, "\"can_post_messages\":true,\"can_invite_users\":false");

        pressInline(owner, card, "🔗 Ссылки");
        Message linksScreen = sandbox.awaitEditedBotMessage(owner, BOT, "Ссылок пока нет", WAIT);
        pressInline(owner, linksScreen, "➕ Новая ссылка");
        sandbox.awaitEditedBotMessage(owner, BOT, "Напишите название новой ссылки", WAIT);
        Message expiry = say(owner, "Сосед", "сколько будет действовать ссылка");
        pressInline(owner, expiry, "7 дней");
        Message limit = sandbox.awaitEditedBotMessage(owner, BOT, "сколько заявок одобрить", WAIT);
        pressInline(owner, limit, "Без лимита");

        Message failed = sandbox.awaitEditedBotMessage(owner, BOT, "Не удалось создать ссылку", WAIT);
        assertThat(failed.text()).isEqualTo("⚠️ Не удалось создать ссылку. Боту не хватает прав: сделайте его администратором "
                + "канала с правом «Добавление участников» и попробуйте ещё раз.");
        assertThat(labels(failed)).containsExactly("⬅️ К ссылкам");
    }

    @Test
    void fortyRoomsAndThirtyFilesOpenPagedWithinTelegramsLimits() {
        long owner = newOwner("Фёдор", false);
        long contractor = jdbc.sql("SELECT id FROM core.contractors WHERE tg_user_id = :u").param("u", owner)
                .query(Long.class).single();
        for (int i = 1; i <= 40; i++) {
            jdbc.sql("""
                    INSERT INTO core.channels (contractor_id, tg_chat_id, title, created_at)
                    VALUES (:c, :chat, :title, now() - make_interval(mins => :age))""")
                    .param("c", contractor).param("chat", -1_900_000_000_000L - owner * 100 - i)
                    .param("title", String.format("Объект %02d <&> ", i) + "я".repeat(110)).param("age", 40 - i).update();
        }
        long newest = jdbc.sql("SELECT id FROM core.channels WHERE tg_chat_id = :chat")
                .param("chat", -1_900_000_000_000L - owner * 100 - 40).query(Long.class).single();
        for (int i = 1; i <= 30; i++) {
            jdbc.sql("""
                    INSERT INTO core.publications (channel_id, message_id, file_name, views, posted_at)
                    VALUES (:room, :m, :name, 2000000000, now() - make_interval(mins => :age))""")
                    .param("room", newest).param("m", i).param("name", String.format("%02d смета <&> ", i) + "ф".repeat(240) + ".pdf")
                    .param("age", 30 - i).update();
        }

        Message list = press(owner, "📢 Мои каналы", "Каналов: 40");
        assertWithinTelegramLimits(list);
        assertThat(labels(list)).contains("1 / 7", "➡️", "🔍 Поиск по названию");
        assertThat(labels(list).get(0)).startsWith("📂 Объект 40 <&> ");

        String press = sandbox.pressInlineButton(owner, BOT, list.messageId(), list.callbackData("➡️"));
        Message second = sandbox.awaitCallbackEdit(press, WAIT).message();
        assertWithinTelegramLimits(second);
        assertThat(labels(second)).contains("⬅️", "2 / 7", "➡️");
        assertThat(labels(second).get(0)).startsWith("📂 Объект 34 <&> ");

        String open = sandbox.pressInlineButton(owner, BOT, list.messageId(), second.callbackData(labels(second).get(0)));
        Message card = sandbox.awaitCallbackEdit(open, WAIT).message();
        assertThat(card.text()).contains("📌 Объект 34");
        sandbox.pressInlineButton(owner, BOT, list.messageId(), "rl:0");
        Message back = sandbox.awaitEditedBotMessage(owner, BOT, "Каналов: 40", WAIT);
        String openNewest = sandbox.pressInlineButton(owner, BOT, back.messageId(), back.callbackData(labels(back).get(0)));
        Message big = sandbox.awaitCallbackEdit(openNewest, WAIT).message();
        assertWithinTelegramLimits(big);
        assertThat(big.text()).contains("Последние файлы (стр. 1 из 6)").contains("30 смета <&> ф");
        assertThat(labels(big)).contains("1 / 6", "➡️");
    }

    /** Issue 15 item 15 and issue 14: a refused block is a hint in a callback answer within 200 characters. */
    @Test
    void aBlockTheBotMayNotDoIsAnsweredWithTheRightToGiveWithin200Characters() throws Exception {
        long owner = newOwner("Яков", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Без бана");
        Message card = sandbox.awaitBotMessage(owner, BOT, "📌 Без бана", sent.messageId(), WAIT);
        long chatId = roomChat(owner, "Без бана");
        long client = BotSandbox.newUserId() + 300_000;
        sandbox.createUser(client, "Гость", null);
        jdbc.sql("""
                INSERT INTO core.clients (channel_id, tg_user_id, full_name, status, joined_at)
                VALUES (:room, :user, 'Гость', 'active', now())""").param("room", roomId(chatId)).param("user", client).update();
        setBotRights(chatId, "\"can_post_messages\":true,\"can_invite_users\":true,\"can_restrict_members\":false");

        pressInline(owner, card, "👥 Участники");
        Message members = sandbox.awaitEditedBotMessage(owner, BOT, "Клиенты (стр. 1 из 1)", WAIT);
        pressInline(owner, members, "🚫 Заблокировать: Гость");
        Message confirm = sandbox.awaitEditedBotMessage(owner, BOT, "Клиент будет удалён из канала", WAIT);
        String press = pressInline(owner, confirm, "🚫 Да, заблокировать");

        Awaitility.await().atMost(WAIT).until(() -> sandbox.callbackAnswer(press).answered());
        var answer = sandbox.callbackAnswer(press);
        assertThat(answer.showAlert()).isTrue();
        assertThat(answer.text()).isEqualTo("⚠️ Не получилось. Боту не хватает прав: сделайте его администратором канала "
                + "с правом «Блокировка пользователей» и попробуйте ещё раз.").hasSizeLessThanOrEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM core.clients WHERE tg_user_id = :u").param("u", client).query(String.class)
                .single()).isEqualTo("active");
    }

    /** Sets the bot's admin rights in the channel (the sandbox's control API, as the owner's app would). */
    private static void setBotRights(long chatId, String rights) throws Exception {
        HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BotSandbox.server().baseUrl() + "/sandbox/api/channels/" + chatId + "/admins"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":" + BOT + ",\"rights\":{" + rights + "}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
}
