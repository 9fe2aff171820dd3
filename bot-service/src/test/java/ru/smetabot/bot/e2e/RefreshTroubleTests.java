package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/** When Telegram or the userbot cannot answer, the card keeps the last numbers, says why, and catches up later. */
class RefreshTroubleTests extends BotThroughSandbox {

    @Autowired
    MeterRegistry meters;

    @Test
    void aFloodWaitShowsTheLastNumbersWithTheReasonThenRetries() throws Exception {
        long owner = newOwner("Флуд", true);
        Message card = openCardWithOneViewedFile(owner, "Флуд — офис");

        userbot.failNext(SandboxUserbot.floodWait(2));
        pressInline(owner, card, "🔄 Обновить статистику");
        Message waiting = sandbox.awaitEditedBotMessage(owner, BOT, "Telegram просит подождать", WAIT);
        assertThat(waiting.text()).contains("doc.pdf — 👁 0").contains("Показаны данные на");

        Message retried = sandbox.awaitEditedBotMessage(owner, BOT, "doc.pdf — 👁 1", WAIT);
        assertThat(retried.messageId()).isEqualTo(card.messageId());
        assertThat(retried.text()).doesNotContain("подождать");
    }

    @Test
    void aLateRetryDoesNotPullTheOwnerBackFromTheList() throws Exception {
        long owner = newOwner("Назад", true);
        Message card = openCardWithOneViewedFile(owner, "Назад — сарай");

        double skippedBefore = skippedLateEdits();
        userbot.failNext(SandboxUserbot.floodWait(1));
        pressInline(owner, card, "🔄 Обновить статистику");
        Message waiting = sandbox.awaitEditedBotMessage(owner, BOT, "Telegram просит подождать 1 с", WAIT);
        pressInline(owner, waiting, "⬅️ Назад");
        sandbox.awaitEditedBotMessage(owner, BOT, "Выберите канал", WAIT);

        // The retry's decision not to show the card is the event to wait for (counted once it is carried out).
        await().atMost(WAIT).until(() -> skippedLateEdits() > skippedBefore);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM analytics.refresh_runs r JOIN core.channels c ON c.id = r.channel_id
                 WHERE c.title = 'Назад — сарай' AND r.outcome = 'refreshed'""").query(Long.class).single()).isPositive();
        assertThat(current(owner, card.messageId()).text()).as("still the list").contains("Выберите канал")
                .doesNotContain("📌");
    }

    @Test
    void anUnreachableUserbotIsSaidSoAndABotApi429IsWaitedOut() throws Exception {
        long owner = newOwner("Авария", true);
        Message card = openCardWithOneViewedFile(owner, "Авария — склад");

        userbot.failNext(new UserbotUnavailableException(0, null, "connection refused", null));
        sandbox.addFault("editMessageText", "FLOOD_WAIT", 1, null, 1);
        pressInline(owner, card, "🔄 Обновить статистику");

        Message down = sandbox.awaitEditedBotMessage(owner, BOT, "Сервис статистики недоступен", WAIT);
        assertThat(down.text()).contains("doc.pdf — 👁 0");
    }

    /** Late refreshes that found the owner on another screen and left it alone (ChannelScreens). */
    private double skippedLateEdits() {
        var counter = meters.find("smetabot.bot.cards.late_edits").tag("outcome", "skipped").counter();
        return counter == null ? 0 : counter.count();
    }

    private Message openCardWithOneViewedFile(long owner, String title) throws Exception {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, title, "📌 " + title);
        long chatId = roomChat(owner, title);
        Message doc = sandbox.sendDocument(owner, BOT, "doc.pdf", "application/pdf", "x".getBytes(StandardCharsets.UTF_8), null);
        Message chooser = sandbox.awaitBotMessage(owner, BOT, "В какой канал", doc.messageId(), WAIT);
        pressInline(owner, chooser, "📂 " + title);
        sandbox.awaitEditedBotMessage(owner, BOT, "опубликован в «" + title + "»", WAIT);
        long client = BotSandbox.newUserId() + 200_000;
        joinAsClient(chatId, client);
        sandbox.readChannel(chatId, client);
        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        pressInline(owner, list, "📂 " + title);
        return sandbox.awaitEditedBotMessage(owner, BOT, "📌 " + title, WAIT);
    }
}
