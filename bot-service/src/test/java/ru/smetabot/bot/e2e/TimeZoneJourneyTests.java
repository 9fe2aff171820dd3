package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * "⚙️ Настройки" → "🕒 Часовой пояс": the owner's zone, not BOT_TIME_ZONE, is then used on the card and in the export,
 * and for acknowledgement dates.
 */
class TimeZoneJourneyTests extends BotThroughSandbox {

    /** 20:30 UTC: 23:30 on 1 March in Moscow, 06:30 on 2 March in Vladivostok. */
    private static final Instant POSTED = Instant.parse("2026-03-01T20:30:00Z");

    @Test
    void choosingAZoneChangesTheDatesOnTheCardAndInTheExport() throws Exception {
        long owner = newOwner("Часовой", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Часовой — дача");
        sandbox.awaitBotMessage(owner, BOT, "📌 Часовой — дача", sent.messageId(), WAIT);
        Message doc = sandbox.sendDocument(owner, BOT, "plan.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8), null);
        pressInline(owner, sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать", doc.messageId(), WAIT), "📂 Часовой — дача");
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «plan.pdf» опубликован", WAIT);
        long room = roomId(roomChat(owner, "Часовой — дача"));
        jdbc.sql("UPDATE core.publications SET posted_at = :t, views_refreshed_at = :t WHERE channel_id = :r")
                .param("t", Timestamp.from(POSTED)).param("r", room).update();

        assertThat(card(owner)).as("BOT_TIME_ZONE (Europe/Moscow) by default").contains("01.03.2026 23:30");
        assertThat(exportedPostedAt(owner)).isEqualTo("01.03.2026 23:30");

        Message settings = press(owner, "⚙️ Настройки", "Настройки");
        assertThat(settings.text()).contains("UTC+3 · Europe/Moscow (по умолчанию)");
        SandboxScreens.assertWithinTelegramLimits(settings);
        Message zones = sandbox.awaitCallbackEdit(pressInline(owner, settings, "🕒 Часовой пояс"), WAIT).message();
        assertThat(SandboxScreens.labels(zones)).contains("✅ UTC+3 · Europe/Moscow", "1 / 4", "➡️");
        SandboxScreens.assertWithinTelegramLimits(zones);
        Message next = sandbox.awaitCallbackEdit(pressInline(owner, zones, "➡️"), WAIT).message();
        assertThat(SandboxScreens.labels(next)).contains("2 / 4", "⬅️");
        String chosen = pressInline(owner, next, "UTC+10 · Asia/Vladivostok");
        assertThat(sandbox.awaitCallbackEdit(chosen, WAIT).message().text()).contains("Часовой пояс: UTC+10 · Asia/Vladivostok")
                .doesNotContain("по умолчанию");
        assertThat(sandbox.callbackAnswer(chosen).text()).isEqualTo("Часовой пояс: UTC+10 · Asia/Vladivostok");

        assertThat(card(owner)).contains("02.03.2026 06:30").doesNotContain("23:30");
        assertThat(exportedPostedAt(owner)).isEqualTo("02.03.2026 06:30");
        assertThat(jdbc.sql("SELECT s.time_zone FROM core.owner_settings s JOIN core.contractors k ON k.id = s.contractor_id "
                + "WHERE k.tg_user_id = :o").param("o", owner).query(String.class).single()).isEqualTo("Asia/Vladivostok");
    }

    @Test
    void acknowledgementDatesAreInTheOwnersZoneOnTheFileScreenInTheExportAndInTheClientsAnswer() throws Exception {
        long owner = newOwner("Поясной", true);
        jdbc.sql("""
                INSERT INTO core.owner_settings (contractor_id, time_zone)
                SELECT id, 'Asia/Vladivostok' FROM core.contractors WHERE tg_user_id = :o""").param("o", owner).update();
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message titled = sandbox.sendText(owner, BOT, "Поясной — баня");
        sandbox.awaitBotMessage(owner, BOT, "📌 Поясной — баня", titled.messageId(), WAIT);
        long chatId = roomChat(owner, "Поясной — баня");
        long client = BotSandbox.newUserId() + 700_000;
        int beforeJoin = sandbox.readDialog(owner, BOT).last().messageId();
        joinAsClient(chatId, client);
        sandbox.awaitBotMessage(owner, BOT, "➕ Client" + client, beforeJoin, WAIT);
        Message doc = sandbox.sendDocument(owner, BOT, "smeta.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8), null);
        pressInline(owner, sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать", doc.messageId(), WAIT), "📂 Поясной — баня");
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «smeta.pdf» опубликован", WAIT);
        Message post = sandbox.readChannel(chatId, client).stream().filter(m -> m.document() != null).findFirst().orElseThrow();
        assertThat(acknowledge(chatId, client, post)).startsWith("✅ Спасибо");
        jdbc.sql("UPDATE core.acknowledgements SET acknowledged_at = :t WHERE client_id IN "
                + "(SELECT id FROM core.clients WHERE tg_user_id = :c)").param("t", Timestamp.from(POSTED)).param("c", client).update();

        assertThat(acknowledge(chatId, client, post)).as("the client is told the channel owner's time")
                .contains("(02.03.2026 06:30)");
        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        Message card = sandbox.awaitCallbackEdit(pressInline(owner, list, "📂 Поясной — баня"), WAIT).message();
        Message files = sandbox.awaitCallbackEdit(pressInline(owner, card, "✅ Ознакомления"), WAIT).message();
        Message file = sandbox.awaitCallbackEdit(pressInline(owner, files, "📄 smeta.pdf"), WAIT).message();
        assertThat(file.text()).contains("— 02.03.2026 06:30").doesNotContain("01.03.2026");

        Message back = sandbox.awaitCallbackEdit(pressInline(owner, file, "⬅️ К файлам"), WAIT).message();
        Message cardAgain = sandbox.awaitCallbackEdit(pressInline(owner, back, "⬅️ К каналу"), WAIT).message();
        int before = sandbox.readDialog(owner, BOT).last().messageId();
        pressInline(owner, cardAgain, "📥 Экспорт");
        Message acks = sandbox.awaitBotMessage(owner, BOT, "Ознакомления в канале «Поясной — баня»", before, WAIT);
        String[] lines = new String(sandbox.file(acks.document().fileId()), StandardCharsets.UTF_8).split("\r\n");
        int column = java.util.Arrays.asList(lines[0].replace("\uFEFF", "").split(";")).indexOf("Когда");
        assertThat(column).as(lines[0]).isNotNegative();
        assertThat(lines[1].split(";")[column]).isEqualTo("02.03.2026 06:30");
    }

    /** The client presses "✅ Ознакомлен" under the post; the text of the bot's answer. */
    private String acknowledge(long chatId, long client, Message post) {
        String id = sandbox.pressChannelPostButton(chatId, client, post.messageId(), "ack");
        SafetyTests.awaitTrue(() -> sandbox.callbackAnswer(id).answered());
        return sandbox.callbackAnswer(id).text();
    }

    private String card(long owner) {
        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        return sandbox.awaitCallbackEdit(pressInline(owner, list, "📂 Часовой — дача"), WAIT).message().text();
    }

    /** "📥 Экспорт" on a freshly opened card: the files CSV's "Опубликован" cell. */
    private String exportedPostedAt(long owner) throws Exception {
        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        Message card = sandbox.awaitCallbackEdit(pressInline(owner, list, "📂 Часовой — дача"), WAIT).message();
        int before = sandbox.readDialog(owner, BOT).messages().stream().mapToInt(Message::messageId).max().orElse(0);
        pressInline(owner, card, "📥 Экспорт");
        Message files = sandbox.awaitBotMessage(owner, BOT, "Файлы канала «Часовой — дача»", before, WAIT);
        String csv = new String(sandbox.file(files.document().fileId()), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        String[] header = lines[0].replace("\uFEFF", "").split(";");
        String[] row = lines[1].split(";");
        int column = java.util.Arrays.asList(header).indexOf("Опубликован");
        assertThat(column).as(lines[0]).isNotNegative();
        return row[column];
    }
}
