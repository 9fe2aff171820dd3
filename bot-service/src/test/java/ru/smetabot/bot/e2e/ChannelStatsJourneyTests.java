package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.ViewsRefresher;

/**
 * The seed's Test 1 and Test 3 as the owner lives them: create a channel, publish a file, two
 * clients read it, the card shows 0 until "🔄 Обновить статистику" shows 2; after a third view the
 * worker's on-demand refresh (the same shared routine) makes the card show 3 without the button.
 */
class ChannelStatsJourneyTests extends BotThroughSandbox {

    @Autowired
    ViewsRefresher refresher;

    @Test
    void createPublishViewRefresh() throws Exception {
        long owner = newOwner("Иван", true);

        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Иванов — кухня");
        Message card = sandbox.awaitBotMessage(owner, BOT, "📌 Иванов — кухня", sent.messageId(), WAIT);
        assertThat(card.text()).contains("Файлов: 0").contains("Файлов пока нет");
        long chatId = roomChat(owner, "Иванов — кухня");
        assertThat(sandbox.channel(chatId).ownerId()).as("the contractor's own account owns the channel").isEqualTo(owner);

        byte[] pdf = "%PDF-1.4 smeta".getBytes(StandardCharsets.UTF_8);
        Message doc = sandbox.sendDocument(owner, BOT, "smeta.pdf", "application/pdf", pdf, null);
        Message chooser = sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать «smeta.pdf»", doc.messageId(), WAIT);
        pressInline(owner, chooser, "📂 Иванов — кухня");
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «smeta.pdf» опубликован в «Иванов — кухня»", WAIT);

        var publication = jdbc.sql("SELECT message_id, file_name, mime_type, file_size FROM core.publications WHERE channel_id = :room")
                .param("room", roomId(chatId)).query().singleRow();
        assertThat(publication).containsEntry("file_name", "smeta.pdf").containsEntry("mime_type", "application/pdf")
                .containsEntry("file_size", (long) pdf.length);
        long messageId = ((Number) publication.get("message_id")).longValue();
        assertThat(userbot.getViews(new GetViewsRequest(owner, chatId, List.of(messageId))).views())
                .as("the recorded message id is the post in the channel").containsEntry(messageId, 0);

        joinAsClient(chatId, BotSandbox.newUserId() + 100_000);
        long second = BotSandbox.newUserId() + 100_000;
        joinAsClient(chatId, second);
        long first = second - 1;
        sandbox.readChannel(chatId, first);
        sandbox.readChannel(chatId, second);

        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        assertThat(list.text()).contains("Каналов: 1").contains("Файлов: 1");
        pressInline(owner, list, "📂 Иванов — кухня");
        Message opened = sandbox.awaitEditedBotMessage(owner, BOT, "smeta.pdf — 👁 0", WAIT);
        assertThat(opened.messageId()).isEqualTo(list.messageId());
        assertThat(opened.text()).contains("Просмотры обновлены: ещё не обновлялись");

        String query = pressInline(owner, opened, "🔄 Обновить статистику");
        Message refreshed = sandbox.awaitEditedBotMessage(owner, BOT, "smeta.pdf — 👁 2", WAIT);
        assertThat(refreshed.messageId()).isEqualTo(list.messageId());
        assertThat(refreshed.text()).contains("Просмотров: 2").doesNotContain("ещё не обновлялись");
        assertThat(sandbox.callbackAnswer(query).text()).isEqualTo("🔄 Обновляю статистику…");

        long third = BotSandbox.newUserId() + 100_000;
        joinAsClient(chatId, third);
        sandbox.readChannel(chatId, third);
        assertThat(refresher.refreshViewsForRoom(roomId(chatId), RefreshTrigger.onDemand()).refreshed()).isTrue();

        pressInline(owner, current(owner, list.messageId()), "⬅️ Назад");
        Message back = sandbox.awaitEditedBotMessage(owner, BOT, "Просмотров: 3", WAIT);
        pressInline(owner, back, "📂 Иванов — кухня");
        assertThat(sandbox.awaitEditedBotMessage(owner, BOT, "smeta.pdf — 👁 3", WAIT).text()).contains("Просмотров: 3");
    }
}
