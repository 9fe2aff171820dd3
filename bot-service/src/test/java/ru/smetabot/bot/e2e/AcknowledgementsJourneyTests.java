package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.bot.stats.FirstViewsNotices;
import ru.smetabot.bot.telegram.UpdateDispatcher;
import ru.smetabot.sandbox.client.SandboxClientException;
import ru.smetabot.sandbox.client.SandboxTypes.CallbackAnswer;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.ViewsRefresher;

/**
 * "✅ Ознакомлен" as owner and clients live it through the sandbox: the button comes under a published file,
 * a client's press is answered and told to the owner, a second press changes nothing, someone who is not a
 * client is refused; the card, the per-file screen and the export show it; the owner reminds those who have
 * not acknowledged (a client who never started the bot is listed, not messaged); a client leaving is told.
 */
class AcknowledgementsJourneyTests extends BotThroughSandbox {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ViewsRefresher refresher;

    @Autowired
    FirstViewsNotices firstViews;

    @Autowired
    UpdateDispatcher dispatcher;

    @Test
    void aClientAcknowledgesAndTheOwnerSeesItOnTheCardTheFileScreenTheExportAndANotice() throws Exception {
        long owner = newOwner("Иван", true);
        createRoom(owner, "Иванов — приёмка");
        long chatId = roomChat(owner, "Иванов — приёмка");
        long anna = BotSandbox.newUserId() + 400_000;
        long boris = anna + 1;
        joinAndAwaitNotice(owner, chatId, anna);
        joinAndAwaitNotice(owner, chatId, boris);
        publish(owner, "smeta.pdf", "Иванов — приёмка");

        Message post = post(chatId, anna, "smeta.pdf");
        assertThat(post.callbackData("✅ Ознакомлен")).isEqualTo("ack");
        double recordedBefore = count("recorded");
        int ownerLast = lastMessageId(owner);

        CallbackAnswer first = pressAndAwait(chatId, anna, post);
        assertThat(first.text()).startsWith("✅ Спасибо");
        Message notice = sandbox.awaitBotMessage(owner, BOT, "ознакомился(-лась) с «smeta.pdf»", ownerLast, WAIT);
        assertThat(notice.text()).isEqualTo("✅ Client" + anna + " (@client" + anna
                + ") ознакомился(-лась) с «smeta.pdf» в «Иванов — приёмка» — теперь 1 из 2.");

        CallbackAnswer again = pressAndAwait(chatId, anna, post);
        assertThat(again.text()).startsWith("Вы уже отметили ознакомление");
        CallbackAnswer notClient = pressAndAwait(chatId, owner, post);
        assertThat(notClient.text()).startsWith("Отметить ознакомление могут только клиенты");
        assertThat(notClient.showAlert()).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM core.acknowledgements a JOIN core.publications p ON p.id = a.publication_id
                 WHERE p.channel_id = :room""").param("room", roomId(chatId)).query(Long.class).single()).isEqualTo(1);
        assertThat(count("recorded")).isEqualTo(recordedBefore + 1);
        assertThat(count("repeated")).isGreaterThanOrEqualTo(1);
        assertThat(count("not_client")).isGreaterThanOrEqualTo(1);
        long outsider = anna + 2;
        sandbox.createUser(outsider, "Чужой", "stranger" + outsider);
        assertThatThrownBy(() -> sandbox.pressChannelPostButton(chatId, outsider, post.messageId(), "ack"))
                .as("a non-member cannot see the post").isInstanceOf(SandboxClientException.class);

        Message card = openCard(owner, "Иванов — приёмка");
        assertThat(card.text()).contains("• smeta.pdf — 👁 ").contains(" · ✅ 1/2");
        pressInline(owner, card, "✅ Ознакомления");
        Message files = awaitEdit(owner, card.messageId(), "Ознакомления — «Иванов — приёмка»");
        SandboxScreens.assertWithinTelegramLimits(files);
        assertThat(SandboxScreens.labels(files)).contains("📄 smeta.pdf — ✅ 1/2", "🚫 Выключить кнопку под новыми файлами");
        pressInline(owner, files, "📄 smeta.pdf");
        Message file = awaitEdit(owner, card.messageId(), "Ознакомились: 1 из 2");
        SandboxScreens.assertWithinTelegramLimits(file);
        assertThat(file.text()).contains("✅ Client" + anna + " (@client" + anna + ") — ")
                .contains("⏳ Client" + boris + " (@client" + boris + ") — ещё нет");
        assertThat(SandboxScreens.labels(file)).contains("🔔 Напомнить (1)");

        pressInline(owner, file, "⬅️ К файлам");
        Message back = awaitEdit(owner, card.messageId(), "Кнопка «✅ Ознакомлен» под новыми файлами");
        pressInline(owner, back, "⬅️ К каналу");
        Message cardAgain = awaitEdit(owner, card.messageId(), "📌 Иванов — приёмка");
        int before = lastMessageId(owner);
        pressInline(owner, cardAgain, "📥 Экспорт");
        Message export = sandbox.awaitBotMessage(owner, BOT, "Ознакомления в канале «Иванов — приёмка»", before, WAIT);
        assertThat(export.document().fileName()).isEqualTo("Иванов — приёмка — ознакомления.csv");
        List<CSVRecord> rows = csv(sandbox.file(export.document().fileId()));
        assertThat(rows).extracting(r -> r.get("Файл")).containsOnly("smeta.pdf");
        assertThat(rows).extracting(r -> r.get("Telegram ID") + ":" + r.get("Ознакомлен"))
                .containsExactlyInAnyOrder(anna + ":да", boris + ":нет");
        assertThat(rows).filteredOn(r -> r.get("Ознакомлен").equals("да")).extracting(r -> r.get("Когда"))
                .allMatch(when -> when.matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d"));
    }

    @Test
    void theOwnerRemindsThoseWhoHaveNotAcknowledgedOnceAnHourAndHearsWhoCouldNotBeReminded() throws Exception {
        long owner = newOwner("Мария", true);
        createRoom(owner, "Мария — ремонт");
        long chatId = roomChat(owner, "Мария — ремонт");
        long started = BotSandbox.newUserId() + 500_000;
        long silent = started + 1;
        joinAndAwaitNotice(owner, chatId, started);
        joinAndAwaitNotice(owner, chatId, silent);
        Message hello = sandbox.sendText(started, BOT, "/start");
        sandbox.awaitBotMessage(started, BOT, "SmetaBot", hello.messageId(), WAIT);
        publish(owner, "план.pdf", "Мария — ремонт");

        Message card = openCard(owner, "Мария — ремонт");
        pressInline(owner, card, "✅ Ознакомления");
        Message files = awaitEdit(owner, card.messageId(), "Ознакомления — «Мария — ремонт»");
        pressInline(owner, files, "📄 план.pdf");
        Message file = awaitEdit(owner, card.messageId(), "Ознакомились: 0 из 2");
        int before = lastMessageId(owner);
        int clientBefore = sandbox.readDialog(started, BOT).last().messageId();
        String press = pressInline(owner, file, "🔔 Напомнить (2)");

        Message result = sandbox.awaitBotMessage(owner, BOT, "Напоминание о «план.pdf» отправлено: 1.", before, WAIT);
        assertThat(result.text()).contains("не запускали бота").contains("Client" + silent)
                .doesNotContain("Client" + started + " ");
        Message reminder = sandbox.awaitBotMessage(started, BOT, "ознакомьтесь с файлом «план.pdf»", clientBefore, WAIT);
        assertThat(reminder.text()).contains("«Мария — ремонт»").contains("https://t.me/c/");
        assertThat(sandbox.callbackAnswer(press).text()).isEqualTo("Отправляю напоминания…");

        Message shown = awaitEdit(owner, card.messageId(), "Последнее напоминание");
        String again = pressInline(owner, shown, "🔔 Напомнить (2)");
        SafetyTests.awaitTrue(() -> sandbox.callbackAnswer(again).answered());
        assertThat(sandbox.callbackAnswer(again).text()).startsWith("Напоминать об одном файле можно раз в 60 мин.");
        assertThat(sandbox.readDialog(started, BOT).messages()).filteredOn(m -> m.text() != null
                && m.text().contains("ознакомьтесь с файлом")).hasSize(1);
        assertThat(SafetyTests.countOf(meters, "smetabot.bot.ack.reminders", "outcome", "never_started")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withTheButtonSwitchedOffNewFilesComeWithoutItAndAnOldButtonIsRefused() throws Exception {
        long owner = newOwner("Нина", true);
        createRoom(owner, "Нина — офис");
        long chatId = roomChat(owner, "Нина — офис");
        long client = BotSandbox.newUserId() + 800_000;
        joinAndAwaitNotice(owner, chatId, client);
        publish(owner, "до.pdf", "Нина — офис");

        Message card = openCard(owner, "Нина — офис");
        pressInline(owner, card, "✅ Ознакомления");
        Message files = awaitEdit(owner, card.messageId(), "под новыми файлами: включена");
        String off = pressInline(owner, files, "🚫 Выключить кнопку");
        awaitEdit(owner, card.messageId(), "под новыми файлами: выключена");
        assertThat(sandbox.callbackAnswer(off).text()).isEqualTo("Кнопка выключена: новые файлы будут без неё.");
        publish(owner, "после.pdf", "Нина — офис");

        assertThat(post(chatId, client, "после.pdf").inlineKeyboard()).as("no button under a file published while off")
                .isNullOrEmpty();
        CallbackAnswer refused = pressAndAwait(chatId, client, post(chatId, client, "до.pdf"));
        assertThat(refused.text()).isEqualTo("Владелец канала выключил отметки «Ознакомлен».");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM core.acknowledgements a JOIN core.publications p ON p.id = a.publication_id
                 WHERE p.channel_id = :room""").param("room", roomId(chatId)).query(Long.class).single()).isZero();
        List<String> lines = openCard(owner, "Нина — офис").text().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("• до.pdf")).singleElement().asString().endsWith(" · ✅ 0/1");
        assertThat(lines).filteredOn(l -> l.startsWith("• после.pdf")).singleElement().asString().doesNotContain("✅");
    }

    @Test
    void anotherOwnersRoomOrFileIsRefusedAndNobodyIsReminded() throws Exception {
        long victim = newOwner("Вера", true);
        createRoom(victim, "Вера — дача");
        long victimChat = roomChat(victim, "Вера — дача");
        long victimRoom = roomId(victimChat);
        long client = BotSandbox.newUserId() + 900_000;
        joinAndAwaitNotice(victim, victimChat, client);
        Message hello = sandbox.sendText(client, BOT, "/start");
        sandbox.awaitBotMessage(client, BOT, "SmetaBot", hello.messageId(), WAIT);
        publish(victim, "секрет.pdf", "Вера — дача");
        long victimFile = jdbc.sql("SELECT id FROM core.publications WHERE channel_id = :r").param("r", victimRoom)
                .query(Long.class).single();
        long attacker = newOwner("Жулик", true);
        createRoom(attacker, "Жулик — своё");
        long attackerRoom = roomId(roomChat(attacker, "Жулик — своё"));
        int attackerLast = lastMessageId(attacker);
        int clientMessages = sandbox.readDialog(client, BOT).messages().size();
        double refusedBefore = SafetyTests.countOf(meters, "smetabot.bot.callbacks", "outcome", "refused");

        for (String forged : List.of("ak:" + victimRoom + ":0", "ak:" + victimRoom + ":f:" + victimFile + ":0",
                "ak:" + victimRoom + ":r:" + victimFile, "ak:" + victimRoom + ":off")) {
            dispatcher.dispatch(SafetyTests.callback(attacker, attackerLast, forged));
        }
        // The attacker's own room, the victim's file: refused by the file check.
        dispatcher.dispatch(SafetyTests.callback(attacker, attackerLast, "ak:" + attackerRoom + ":r:" + victimFile));
        dispatcher.dispatch(SafetyTests.callback(attacker, attackerLast, "ak:" + attackerRoom + ":f:" + victimFile + ":0"));

        assertThat(SafetyTests.countOf(meters, "smetabot.bot.callbacks", "outcome", "refused")).isEqualTo(refusedBefore + 4);
        assertThat(jdbc.sql("SELECT reminded_at IS NULL FROM core.acknowledgement_files WHERE publication_id = :p")
                .param("p", victimFile).query(Boolean.class).single()).as("no reminder slot taken").isTrue();
        assertThat(jdbc.sql("SELECT coalesce(bool_and(enabled), true) FROM core.acknowledgement_settings WHERE channel_id = :r")
                .param("r", victimRoom).query(Boolean.class).single()).as("the victim's switch untouched").isTrue();
        assertThat(sandbox.readDialog(client, BOT).messages()).as("the victim's client got no reminder").hasSize(clientMessages);
        assertThat(sandbox.readDialog(attacker, BOT).messages()).filteredOn(m -> m.messageId() > attackerLast)
                .noneMatch(m -> m.text() != null && (m.text().contains("секрет") || m.text().contains("Напоминание")));
    }

    @Test
    void aClientLeavingIsToldToTheOwnerRightAway() throws Exception {
        long owner = newOwner("Олег", true);
        createRoom(owner, "Олег — баня");
        long chatId = roomChat(owner, "Олег — баня");
        long client = BotSandbox.newUserId() + 600_000;
        joinAndAwaitNotice(owner, chatId, client);
        int before = lastMessageId(owner);
        sandbox.leaveChannel(chatId, client);
        Message left = sandbox.awaitBotMessage(owner, BOT, "вышел(а) из «Олег — баня»", before, WAIT);
        assertThat(left.text()).isEqualTo("🚪 Client" + client + " (@client" + client + ") вышел(а) из «Олег — баня».");
        // counted right after Telegram accepted the message, so possibly just after it arrived
        SafetyTests.awaitTrue(() -> SafetyTests.countOf(meters, "smetabot.bot.notices", "kind", "client_left") >= 1);
    }

    @Test
    void aFilesFirstViewsAreToldOnceAfterARefresh() throws Exception {
        long owner = newOwner("Пётр", true);
        createRoom(owner, "Пётр — крыша");
        long chatId = roomChat(owner, "Пётр — крыша");
        long roomId = roomId(chatId);
        long reader = BotSandbox.newUserId() + 700_000;
        long second = reader + 1;
        joinAndAwaitNotice(owner, chatId, reader);
        joinAndAwaitNotice(owner, chatId, second);
        publish(owner, "крыша.pdf", "Пётр — крыша");
        publish(owner, "стены.pdf", "Пётр — крыша");
        assertThat(refresher.refreshViewsForRoom(roomId, RefreshTrigger.onDemand()).refreshed()).isTrue();
        firstViews.tellNew(); // whatever earlier tests left is told now: this room had no views yet
        int before = lastMessageId(owner);

        sandbox.readChannel(chatId, reader);
        assertThat(refresher.refreshViewsForRoom(roomId, RefreshTrigger.onDemand()).updated()).isEqualTo(2);
        assertThat(firstViews.tellNew()).isEqualTo(2);
        Message told = sandbox.awaitBotMessage(owner, BOT, "Первые просмотры", before, WAIT);
        assertThat(told.text().lines().toList()).as("one message for the room, a line per file")
                .containsExactlyInAnyOrder("👁 Первые просмотры в «Пётр — крыша» — файлов: 2", "• крыша.pdf: 1", "• стены.pdf: 1");

        sandbox.readChannel(chatId, second); // 1 → 2: not first views, no event
        assertThat(refresher.refreshViewsForRoom(roomId, RefreshTrigger.onDemand()).updated()).isEqualTo(2);
        assertThat(firstViews.tellNew()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.events WHERE event_type = 'first_views' AND channel_id = :room")
                .param("room", roomId).query(Long.class).single()).isEqualTo(2);
        assertThat(sandbox.readDialog(owner, BOT).messages()).filteredOn(m -> m.text() != null
                && m.text().contains("Первые просмотры")).hasSize(1);
    }

    /** A client joins by a link made outside the bot, without a request: the owner hears it at once. */
    private void joinAndAwaitNotice(long owner, long chatId, long client) throws Exception {
        int before = lastMessageId(owner);
        joinAsClient(chatId, client);
        sandbox.awaitBotMessage(owner, BOT, "➕ Client" + client + " (@client" + client + ") вступил(а)", before, WAIT);
    }

    private Message post(long chatId, long viewer, String fileName) {
        return sandbox.readChannel(chatId, viewer).stream()
                .filter(m -> m.document() != null && fileName.equals(m.document().fileName())).findFirst().orElseThrow();
    }

    private CallbackAnswer pressAndAwait(long chatId, long user, Message post) {
        String id = sandbox.pressChannelPostButton(chatId, user, post.messageId(), "ack");
        SafetyTests.awaitTrue(() -> sandbox.callbackAnswer(id).answered());
        return sandbox.callbackAnswer(id);
    }

    private Message awaitEdit(long owner, int messageId, String contains) {
        SafetyTests.awaitTrue(() -> {
            String text = current(owner, messageId).text();
            return text != null && text.contains(contains);
        });
        return current(owner, messageId);
    }

    private void createRoom(long owner, String title) {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, title, "📌 " + title);
    }

    private void publish(long owner, String fileName, String title) {
        Message doc = sandbox.sendDocument(owner, BOT, fileName, "application/pdf",
                ("%PDF-1.4 " + fileName).getBytes(StandardCharsets.UTF_8), null);
        Message chooser = sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать «" + fileName + "»", doc.messageId(), WAIT);
        pressInline(owner, chooser, "📂 " + title);
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «" + fileName + "» опубликован", WAIT);
    }

    private Message openCard(long owner, String title) {
        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        pressInline(owner, list, "📂 " + title);
        SafetyTests.awaitTrue(() -> current(owner, list.messageId()).text().startsWith("📌 " + title));
        return current(owner, list.messageId());
    }

    private int lastMessageId(long user) {
        return sandbox.readDialog(user, BOT).last().messageId();
    }

    private double count(String outcome) {
        return SafetyTests.countOf(meters, "smetabot.bot.acknowledgements", "outcome", outcome);
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(new ByteArrayInputStream(bytes)).get(),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            return parser.getRecords();
        }
    }
}
