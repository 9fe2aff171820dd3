package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.telegram.UpdateDispatcher;
import ru.smetabot.sandbox.client.SandboxTypes;

/** Rooms come from "🆕 Новый канал" (connected accounts only, once per title) or from making the bot an admin. */
class RoomsTests extends BotThroughSandbox {

    @Autowired
    UpdateDispatcher dispatcher;

    @Test
    void withoutAConnectedAccountTheBotOffersToConnect() {
        long owner = newOwner("Без аккаунта", false);

        SandboxTypes.Message answer = press(owner, "🆕 Новый канал", "подключите свой Telegram-аккаунт");
        java.util.Map<String, Object> button = answer.inlineKeyboard().get(0).get(0);
        assertThat(button.get("text")).isEqualTo("🔐 Подключить аккаунт");
        String miniApp = (String) ((java.util.Map<?, ?>) button.get("web_app")).get("url");

        assertThat(miniApp).isEqualTo("http://localhost:8081/miniapp/index.html");
        assertThat(sandbox.openWebApp(owner, BOT, miniApp)).startsWith(miniApp + "#tgWebAppData=");
        assertThat(rooms(owner)).isZero();
    }

    @Test
    void aTitleSentTwiceCreatesOneChannel() {
        long owner = newOwner("Двойной", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");

        SandboxTypes.Message first = sandbox.sendText(owner, BOT, "Дубль");
        sandbox.sendText(owner, BOT, "Дубль");
        sandbox.awaitBotMessage(owner, BOT, "📌 Дубль", first.messageId(), WAIT);
        sandbox.awaitBotMessage(owner, BOT, "Не понял", first.messageId(), WAIT);

        assertThat(rooms(owner)).isEqualTo(1);
    }

    @Test
    void whenTheBotCannotBeMadeAdminTheOwnerIsToldWhatToDo() {
        long owner = newOwner("Права", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        userbot.failNext("addBotAdmin", new ru.smetabot.userbotapi.UserbotRejectedException(403, null, "CHAT_ADMIN_REQUIRED"));

        SandboxTypes.Message sent = sandbox.sendText(owner, BOT, "Права — гараж");
        sandbox.awaitEditedBotMessage(owner, BOT, "Добавьте бота в администраторы канала вручную", WAIT);

        long chatId = roomChat(owner, "Права — гараж");
        assertThat(sent.messageId()).isPositive();
        sandbox.addAdmin(chatId, BOT);
        sandbox.awaitBotMessage(owner, BOT, "Канал «Права — гараж» подключён", sent.messageId(), WAIT);
        assertThat(rooms(owner)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.events WHERE event_type = 'room_created' AND channel_id = :r")
                .param("r", roomId(chatId)).query(Long.class).single()).as("recorded once, adopted later").isEqualTo(1);
    }

    @Test
    void aChannelMadeElsewhereBecomesARoomWhenTheBotIsMadeAdminAndInactiveWhenRemoved() {
        long owner = newOwner("Мария", false);
        SandboxTypes.Channel channel = sandbox.createChannel(owner, "Мария — ремонт");
        int before = sandbox.readDialog(owner, BOT).messages().size();

        sandbox.addAdmin(channel.id(), BOT);
        sandbox.awaitBotMessage(owner, BOT, "Канал «Мария — ремонт» подключён", before, WAIT);
        assertThat(press(owner, "📢 Мои каналы", "Мои каналы").text()).contains("Каналов: 1");

        long roomId = roomId(channel.id());
        Update post = channelDocument(channel.id(), 77, "plan.dwg");
        dispatcher.dispatch(post);
        assertThat(jdbc.sql("SELECT file_name FROM core.publications WHERE channel_id = :r AND message_id = 77")
                .param("r", roomId).query(String.class).single()).isEqualTo("plan.dwg");

        sandbox.removeAdmin(channel.id(), BOT);
        SafetyTests.awaitTrue(() -> rooms(owner) == 0);
        assertThat(press(owner, "📢 Мои каналы", "Мои каналы").text()).contains("Каналов: 0");
    }

    /** Issue 15 defect 4: another admin's demote and re-promote of the bot does not take the room over. */
    @Test
    void roomTakeoverByAnotherAdminIsRefused() throws Exception {
        long owner = newOwner("Хозяин", false);
        long intruder = newOwner("Чужак", false);
        SandboxTypes.Channel channel = sandbox.createChannel(owner, "Хозяин — дача");
        int before = sandbox.readDialog(owner, BOT).messages().size();
        sandbox.addAdmin(channel.id(), BOT);
        sandbox.awaitBotMessage(owner, BOT, "Канал «Хозяин — дача» подключён", before, WAIT);
        Long account = account(channel.id());
        int intruderBefore = sandbox.readDialog(intruder, BOT).messages().size();

        dispatcher.dispatch(botMembership(channel.id(), intruder, "Хозяин — дача", "administrator", "left"));
        assertThat(rooms(owner)).as("deactivated").isZero();
        dispatcher.dispatch(botMembership(channel.id(), intruder, "Хозяин — дача", "left", "administrator"));

        sandbox.awaitBotMessage(intruder, BOT, "подключён к SmetaBot другим пользователем", intruderBefore, WAIT);
        assertThat(rooms(intruder)).as("not the intruder's").isZero();
        assertThat(ownerOf(channel.id())).isEqualTo(owner);
        assertThat(account(channel.id())).isEqualTo(account);
        assertThat(rooms(owner)).as("still inactive").isZero();

        dispatcher.dispatch(botMembership(channel.id(), owner, "Хозяин — дача", "left", "administrator"));
        assertThat(rooms(owner)).as("back with its owner").isEqualTo(1);
        dispatcher.dispatch(botMembership(channel.id(), intruder, "Хозяин — дача", "left", "administrator"));
        assertThat(account(channel.id())).as("an active room's reading account stays").isEqualTo(account);
        assertThat(ownerOf(channel.id())).isEqualTo(owner);
    }

    /** The channel's creator gets a room back from whoever connected it first. */
    @Test
    void aDeactivatedRoomReturnsToTheChannelsCreator() throws Exception {
        long creator = newOwner("Создатель", false);
        long admin = newOwner("Админ", false);
        SandboxTypes.Channel channel = sandbox.createChannel(creator, "Создатель — офис");
        sandbox.addAdmin(channel.id(), BOT);
        SafetyTests.awaitTrue(() -> rooms(creator) == 1);
        // Say the other admin had connected it (their promotion came first); then the bot was removed.
        jdbc.sql("""
                UPDATE core.channels SET contractor_id = (SELECT id FROM core.contractors WHERE tg_user_id = :a), deleted = true
                 WHERE tg_chat_id = :c""").param("a", admin).param("c", channel.id()).update();

        dispatcher.dispatch(botMembership(channel.id(), creator, "Создатель — офис", "left", "administrator"));

        assertThat(ownerOf(channel.id())).isEqualTo(creator);
        assertThat(account(channel.id())).isEqualTo(creator);
        assertThat(rooms(creator)).isEqualTo(1);
    }

    private long ownerOf(long chatId) {
        return jdbc.sql("""
                SELECT k.tg_user_id FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id
                 WHERE c.tg_chat_id = :c""").param("c", chatId).query(Long.class).single();
    }

    private Long account(long chatId) {
        return jdbc.sql("SELECT userbot_account_id FROM core.channels WHERE tg_chat_id = :c").param("c", chatId)
                .query(Long.class).single();
    }

    /** A my_chat_member update: {@code by} changed the bot's status in the channel. */
    static Update botMembership(long chatId, long by, String title, String oldStatus, String newStatus) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String bot = "{\"id\":" + BOT + ",\"is_bot\":true,\"first_name\":\"bot\"}";
        String admin = "{\"user\":" + bot + ",\"status\":\"administrator\",\"can_be_edited\":false,"
                + "\"is_anonymous\":false,\"can_manage_chat\":true,\"can_delete_messages\":true,\"can_manage_video_chats\":false,"
                + "\"can_restrict_members\":true,\"can_promote_members\":false,\"can_change_info\":true,"
                + "\"can_invite_users\":true,\"can_post_messages\":true}";
        String left = "{\"user\":" + bot + ",\"status\":\"left\"}";
        return UpdateSafetyTests.parse("{\"update_id\":" + ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000)
                + ",\"my_chat_member\":{\"chat\":{\"id\":" + chatId + ",\"type\":\"channel\",\"title\":\"" + title + "\"},"
                + "\"from\":{\"id\":" + by + ",\"is_bot\":false,\"first_name\":\"U" + by + "\"},\"date\":" + now
                + ",\"old_chat_member\":" + ("administrator".equals(oldStatus) ? admin : left)
                + ",\"new_chat_member\":" + ("administrator".equals(newStatus) ? admin : left) + "}}");
    }

    @Test
    void searchByTitleFindsTheOwnersRoomsOnly() {
        long owner = newOwner("Поиск", false);
        for (String title : new String[] {"Кухня на Ленина", "Баня", "Кухня-гостиная"}) {
            sandbox.addAdmin(sandbox.createChannel(owner, title).id(), BOT);
        }
        long other = newOwner("Чужой", false);
        sandbox.addAdmin(sandbox.createChannel(other, "Кухня чужая").id(), BOT);
        SafetyTests.awaitTrue(() -> rooms(owner) == 3 && rooms(other) == 1);

        SandboxTypes.Message list = press(owner, "📢 Мои каналы", "Каналов: 3");
        String query = pressInline(owner, list, "🔍 Поиск по названию");
        SafetyTests.awaitTrue(() -> sandbox.callbackAnswer(query).answered());
        SandboxTypes.Message prompt = sandbox.awaitBotMessage(owner, BOT, "часть названия", list.messageId(), WAIT);
        SandboxTypes.Message found = say(owner, "КУХН", "найдено 2");

        assertThat(found.messageId()).isGreaterThan(prompt.messageId());
        assertThat(found.inlineKeyboard().toString()).contains("Кухня на Ленина", "Кухня-гостиная").doesNotContain("чужая", "Баня");
    }

    @Test
    void anEnglishUserGetsTheEnglishMenu() {
        long id = BotSandbox.newUserId();
        sandbox.createUser(id, "John", "john" + id);
        say(id, "hi", "Не понял");
        Update start = new Update();
        start.setUpdateId(ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000));
        Message message = SafetyTests.message(id, "/start");
        message.getFrom().setLanguageCode("en");
        message.getFrom().setFirstName("John");
        start.setMessage(message);

        dispatcher.dispatch(start);

        SandboxTypes.Dialog dialog = sandbox.readDialog(id, BOT);
        // The welcome, then (nothing set up yet) the checklist, both in English.
        assertThat(dialog.messages()).anySatisfy(m -> assertThat(m.text()).startsWith("👋 Hello, John!"));
        assertThat(dialog.last().text()).startsWith("🧭 Where to start");
        assertThat(dialog.replyKeyboard().toString()).contains("📢 My channels");
    }

    long rooms(long owner) {
        return jdbc.sql("""
                SELECT count(*) FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id
                 WHERE k.tg_user_id = :owner AND NOT c.deleted""").param("owner", owner).query(Long.class).single();
    }

    static Update channelDocument(long chatId, int messageId, String fileName) {
        Document document = new Document();
        document.setFileId("file-" + messageId);
        document.setFileUniqueId("u-" + messageId);
        document.setFileName(fileName);
        document.setMimeType("application/acad");
        document.setFileSize(1234L);
        Message post = new Message();
        post.setMessageId(messageId);
        post.setChat(Chat.builder().id(chatId).type("channel").title("x").build());
        post.setDate((int) Instant.now().getEpochSecond());
        post.setDocument(document);
        Update update = new Update();
        update.setUpdateId(ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000));
        update.setChannelPost(post);
        return update;
    }
}
