package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.bot.telegram.UpdateDispatcher;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.ViewsRefresher;

/**
 * "📈 График" and "📥 Экспорт" as the owner lives them: a room with two files read by two clients who
 * came by a named link; the card's buttons bring the chart, a file's chart and two CSV documents.
 * Someone else's room or file is refused; a flood wait on the upload is told to the owner.
 */
class ReportsJourneyTests extends BotThroughSandbox {

    @Autowired
    ViewsRefresher refresher;

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Autowired
    UpdateDispatcher dispatcher;

    @Autowired
    MeterRegistry meters;

    @Test
    void theOwnerPressesChartAndExportAndGetsAPictureAndTwoSpreadsheets() throws Exception {
        long owner = newOwner("Иван", true);
        Room room = roomWithTwoReadFiles(owner, "Иванов — отчёты");

        Message card = openCard(owner, "Иванов — отчёты");
        assertThat(card.text()).contains("Просмотров: 4");

        int before = lastMessageId(owner);
        pressInline(owner, card, "📈 График");
        Message chart = sandbox.awaitBotMessage(owner, BOT, "всего просмотров 4", before, WAIT);
        assertThat(chart.photo()).as("the chart comes as a photo").isNotNull();
        assertIsTheChart(sandbox.file(chart.photo().fileId()));
        assertThat(chart.inlineKeyboard()).flatExtracting(row -> row).extracting(b -> b.get("text"))
                .containsExactly("📄 план.pdf", "📄 smeta.pdf");

        pressInline(owner, chart, "📄 smeta.pdf");
        Message fileChart = sandbox.awaitBotMessage(owner, BOT, "smeta.pdf в «Иванов — отчёты»: просмотров 2", chart.messageId(), WAIT);
        assertIsTheChart(sandbox.file(fileChart.photo().fileId()));

        before = lastMessageId(owner);
        pressInline(owner, current(owner, card.messageId()), "📥 Экспорт");
        Message files = sandbox.awaitBotMessage(owner, BOT, "Файлы канала «Иванов — отчёты»", before, WAIT);
        Message members = sandbox.awaitBotMessage(owner, BOT, "Участники канала «Иванов — отчёты»", before, WAIT);

        assertThat(files.document().fileName()).isEqualTo("Иванов — отчёты — файлы.csv");
        List<CSVRecord> fileRows = csv(sandbox.file(files.document().fileId()));
        assertThat(fileRows).extracting(r -> r.get("Файл")).containsExactly("smeta.pdf", "план.pdf");
        assertThat(fileRows).extracting(r -> r.get("Просмотры")).containsExactly("2", "2");
        assertThat(fileRows).extracting(r -> r.get("Удалён")).containsOnly("нет");

        assertThat(members.document().fileName()).isEqualTo("Иванов — отчёты — участники.csv");
        List<CSVRecord> memberRows = csv(sandbox.file(members.document().fileId()));
        assertThat(memberRows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("Имя")).startsWith("Клиентка Ольга");
            assertThat(r.get("Ссылка-приглашение")).isEqualTo("Семья Ивановых");
            assertThat(r.get("Статус")).isEqualTo("в канале");
        });
        assertThat(memberRows).extracting(r -> Long.parseLong(r.get("Telegram ID")))
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT tg_user_id FROM core.clients WHERE channel_id = :r")
                        .param("r", room.getId()).query(Long.class).list());
        assertThat(count("smetabot.bot.exports", "sent")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anotherOwnersRoomOrFileIsRefusedAndNothingIsSent() {
        long victim = newOwner("Анна", true);
        Message victimCard = createRoom(victim, "Анна — секрет");
        long victimRoom = roomId(roomChat(victim, "Анна — секрет"));
        publish(victim, "секрет.pdf", "Анна — секрет");
        long victimFile = jdbc.sql("SELECT id FROM core.publications WHERE channel_id = :r").param("r", victimRoom)
                .query(Long.class).single();
        long attacker = newOwner("Мошенник", true);
        createRoom(attacker, "Мошенник — своё");
        long attackerRoom = roomId(roomChat(attacker, "Мошенник — своё"));
        int attackerLast = lastMessageId(attacker);
        int victimMessages = sandbox.readDialog(victim, BOT).messages().size();
        double refusedBefore = SafetyTests.countOf(meters, "smetabot.bot.callbacks", "outcome", "refused");
        double fileRefusedBefore = count("smetabot.bot.exports", "refused");

        for (String forged : List.of("ch:" + victimRoom + ":chart", "ch:" + victimRoom + ":export",
                "ch:" + victimRoom + ":chart:" + victimFile, "ch:" + victimRoom + ":chartp:0")) {
            dispatcher.dispatch(SafetyTests.callback(attacker, attackerLast, forged));
        }
        // The attacker's own room, but the victim's file: refused by the file check.
        dispatcher.dispatch(SafetyTests.callback(attacker, attackerLast, "ch:" + attackerRoom + ":chart:" + victimFile));

        assertThat(SafetyTests.countOf(meters, "smetabot.bot.callbacks", "outcome", "refused")).isEqualTo(refusedBefore + 4);
        assertThat(count("smetabot.bot.exports", "refused")).isEqualTo(fileRefusedBefore + 1);
        // Late room-creation messages may still arrive; no picture, document or report text may.
        assertThat(sandbox.readDialog(attacker, BOT).messages()).filteredOn(m -> m.messageId() > attackerLast)
                .as("no chart, no document, no report text to the attacker")
                .noneMatch(m -> m.photo() != null || m.document() != null || m.text() != null
                        && (m.text().contains("📈") || m.text().contains("секрет") || m.text().contains("⚠️")));
        assertThat(sandbox.readDialog(victim, BOT).messages()).hasSize(victimMessages);
        assertThat(current(victim, victimCard.messageId()).editCount()).isEqualTo(victimCard.editCount());
    }

    @Test
    void aFloodWaitOnTheUploadIsToldToTheOwner() {
        long owner = newOwner("Пётр", true);
        roomWithTwoReadFiles(owner, "Петров — флуд");
        Message card = openCard(owner, "Петров — флуд");
        double failedBefore = count("smetabot.bot.exports", "telegram_error");
        sandbox.addFault("botapi:sendPhoto", "FLOOD_WAIT", 120, null, 1);
        try {
            int before = lastMessageId(owner);
            pressInline(owner, card, "📈 График");
            Message told = sandbox.awaitBotMessage(owner, BOT, "Telegram не принял график (ошибка 429)", before, WAIT);
            assertThat(told.photo()).isNull();
        } finally {
            sandbox.clearFaults();
        }
        assertThat(count("smetabot.bot.exports", "telegram_error")).isEqualTo(failedBefore + 1);
    }

    /** A room with smeta.pdf and план.pdf, both read by two clients who joined by the link «Семья Ивановых», refreshed. */
    private Room roomWithTwoReadFiles(long owner, String title) {
        createRoom(owner, title);
        long chatId = roomChat(owner, title);
        Room room = rooms.findByTgChatId(chatId).orElseThrow();
        publish(owner, "smeta.pdf", title);
        publish(owner, "план.pdf", title);
        String link = links.create(room, new LinkOptions("Семья Ивановых", 0, 0)).getLink();
        int last = lastMessageId(owner);
        for (int i = 0; i < 2; i++) {
            long client = BotSandbox.newUserId() + 300_000;
            sandbox.createUser(client, "Клиентка Ольга " + client, "olga" + client);
            sandbox.openInviteLink(client, link);
            last = sandbox.awaitBotMessage(owner, BOT, "Клиентка Ольга " + client, last, WAIT).messageId();
            sandbox.readChannel(chatId, client);
        }
        assertThat(refresher.refreshViewsForRoom(room.getId(), RefreshTrigger.onDemand()).refreshed()).isTrue();
        return room;
    }

    private Message createRoom(long owner, String title) {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        return say(owner, title, "📌 " + title);
    }

    private void publish(long owner, String fileName, String title) {
        Message doc = sandbox.sendDocument(owner, BOT, fileName, "application/pdf",
                ("%PDF-1.4 " + fileName).getBytes(StandardCharsets.UTF_8), null);
        Message chooser = sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать «" + fileName + "»", doc.messageId(), WAIT);
        pressInline(owner, chooser, "📂 " + title);
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «" + fileName + "» опубликован", WAIT);
    }

    /** "📢 Мои каналы", then the room: the list message becomes the card. */
    private Message openCard(long owner, String title) {
        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        pressInline(owner, list, "📂 " + title);
        SafetyTests.awaitTrue(() -> current(owner, list.messageId()).text().startsWith("📌 " + title));
        return current(owner, list.messageId());
    }

    private int lastMessageId(long user) {
        return sandbox.readDialog(user, BOT).last().messageId();
    }

    private double count(String name, String outcome) {
        return SafetyTests.countOf(meters, name, "outcome", outcome);
    }

    private static void assertIsTheChart(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("the photo decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        assertThat(bytes).as("UTF-8 BOM for Excel").startsWith(0xEF, 0xBB, 0xBF);
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(new ByteArrayInputStream(bytes)).get(),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            return parser.getRecords();
        }
    }
}
