package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.telegram.UpdateDispatcher;
import ru.smetabot.sandbox.client.SandboxTypes;

/**
 * What must not happen: acting on someone else's room, acting twice on one update, a broken
 * handler stopping the bot. Forged updates are handed to the dispatcher directly, as a modified
 * client or a replay would deliver them; everything else goes through the sandbox.
 */
class SafetyTests extends BotThroughSandbox {

    @Autowired
    UpdateDispatcher dispatcher;

    @Autowired
    MeterRegistry meters;

    @Test
    void aForgedCallbackForAnotherOwnersRoomIsRefusedAndChangesNothing() {
        long victim = newOwner("Анна", true);
        SandboxTypes.Message card = createRoom(victim, "Анна — баня");
        long victimRoom = roomId(roomChat(victim, "Анна — баня"));
        long attacker = newOwner("Мошенник", true);
        SandboxTypes.Message attackerMenu = press(attacker, "📢 Мои каналы", "Мои каналы");
        double refusedBefore = count("smetabot.bot.callbacks", "outcome", "refused");

        dispatcher.dispatch(callback(attacker, attackerMenu.messageId(), "ch:" + victimRoom + ":refresh"));
        dispatcher.dispatch(callback(attacker, attackerMenu.messageId(), "ch:" + victimRoom + ":card:0"));

        assertThat(count("smetabot.bot.callbacks", "outcome", "refused")).isEqualTo(refusedBefore + 2);
        assertThat(current(attacker, attackerMenu.messageId()).text()).as("the attacker sees nothing new")
                .isEqualTo(attackerMenu.text());
        assertThat(current(victim, card.messageId()).editCount()).isEqualTo(card.editCount());
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = :room").param("room", victimRoom)
                .query(Long.class).single()).as("no refresh ran").isZero();
    }

    @Test
    void aStaleButtonOfARoomTheBotLostIsRefusedPolitely() {
        long owner = newOwner("Олег", true);
        SandboxTypes.Message card = createRoom(owner, "Олег — дача");
        long chatId = roomChat(owner, "Олег — дача");

        sandbox.removeAdmin(chatId, BOT);
        awaitTrue(() -> jdbc.sql("SELECT deleted FROM core.channels WHERE tg_chat_id = :c").param("c", chatId)
                .query(Boolean.class).single());
        int editsBefore = current(owner, card.messageId()).editCount();
        String query = pressInline(owner, current(owner, card.messageId()), "🔄 Обновить статистику");

        awaitTrue(() -> sandbox.callbackAnswer(query).answered());
        assertThat(sandbox.callbackAnswer(query).text()).contains("кнопка устарела");
        assertThat(current(owner, card.messageId()).editCount()).as("the card is left as it was").isEqualTo(editsBefore);
        assertThat(press(owner, "📢 Мои каналы", "Мои каналы").text()).contains("Каналов: 0");
    }

    @Test
    void aRedeliveredUpdateActsOnce() {
        long user = newOwner("Пётр", false);
        int before = sandbox.readDialog(user, BOT).messages().size();
        Update start = new Update();
        start.setUpdateId(ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000));
        start.setMessage(message(user, "/start"));

        dispatcher.dispatch(start);
        dispatcher.dispatch(start);

        // One /start: the welcome and the onboarding checklist (nothing set up yet), once.
        assertThat(sandbox.readDialog(user, BOT).messages()).hasSize(before + 2);
        assertThat(count("smetabot.bot.updates", "outcome", "duplicate")).isPositive();
    }

    @Test
    void aFailingHandlerDoesNotStopThePoller() {
        long user = newOwner("Сбой", true);
        double failedBefore = count("smetabot.bot.updates", "outcome", "failed");
        userbot.failNext(new IllegalStateException("scripted bug in a handler"));

        SandboxTypes.Message pressed = sandbox.pressReplyButton(user, BOT, "🆕 Новый канал");
        awaitTrue(() -> count("smetabot.bot.updates", "outcome", "failed") > failedBefore);

        assertThat(press(user, "❓ Помощь", "Выберите экран").messageId()).isGreaterThan(pressed.messageId());
        assertThat(press(user, "🆕 Новый канал", "Напишите название канала")).isNotNull();
    }

    SandboxTypes.Message createRoom(long owner, String title) {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        return say(owner, title, "📌 " + title);
    }

    double count(String name, String tag, String value) {
        return countOf(meters, name, tag, value);
    }

    static double countOf(MeterRegistry meters, String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(Duration.ofMillis(100).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Update callback(long userId, int messageId, String data) {
        CallbackQuery query = new CallbackQuery();
        query.setId("forged-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        query.setFrom(user(userId));
        query.setData(data);
        query.setChatInstance("forged");
        Message message = message(userId, "x");
        message.setMessageId(messageId);
        query.setMessage(message);
        Update update = new Update();
        update.setUpdateId(ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000));
        update.setCallbackQuery(query);
        return update;
    }

    static Message message(long userId, String text) {
        Message message = new Message();
        message.setMessageId(1);
        message.setFrom(user(userId));
        message.setChat(Chat.builder().id(userId).type("private").build());
        message.setText(text);
        message.setDate((int) (System.currentTimeMillis() / 1000));
        return message;
    }

    static User user(long id) {
        return User.builder().id(id).firstName("U" + id).isBot(false).languageCode("ru").build();
    }
}
