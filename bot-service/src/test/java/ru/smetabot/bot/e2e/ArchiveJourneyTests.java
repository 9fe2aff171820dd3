package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Channel;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * "What changed" as the owner lives it through the sandbox: the members chart after clients joined and
 * one left; closing a project (links revoked in Telegram, clients removed, the room out of the list but
 * exportable from "🗄 Архив") and reopening it; renaming the channel in Telegram, and a refused rename.
 */
class ArchiveJourneyTests extends BotThroughSandbox {

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Autowired
    MeterRegistry meters;

    @Test
    void theMembersChartShowsWhoJoinedAndLeftByLink() throws Exception {
        long owner = newOwner("Иван", true);
        Room room = roomWithClients(owner, "Иванов — участники", 2);
        long[] clients = clients(room);
        sandbox.leaveChannel(room.getTgChatId(), clients[0]);
        SafetyTests.awaitTrue(() -> "left".equals(jdbc.sql("SELECT status FROM core.clients WHERE tg_user_id = :u")
                .param("u", clients[0]).query(String.class).single()));
        double sent = count("smetabot.bot.exports", "kind", "members_chart");

        Message card = openCard(owner, "Иванов — участники");
        int before = lastMessageId(owner);
        pressInline(owner, card, "👥 Участники по дням");
        Message chart = sandbox.awaitBotMessage(owner, BOT, "Иванов — участники: участников 1 на", before, WAIT);

        assertThat(chart.text()).contains("За 1 дн.: вступили 2, вышли 1.").contains("• «Семья»: +2 / −1");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(sandbox.file(chart.photo().fileId())));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(count("smetabot.bot.exports", "kind", "members_chart")).isEqualTo(sent + 1);
    }

    @Test
    void archivingRevokesLinksRemovesClientsKeepsTheExportAndReopeningBringsTheRoomBack() {
        long owner = newOwner("Анна", true);
        Room room = roomWithClients(owner, "Анна — баня", 1);
        long client = clients(room)[0];
        double archived = count("smetabot.bot.rooms.archived", "outcome", "archived");
        double removedNotices = count("smetabot.bot.notices", "kind", "client_removed");

        Message card = openCard(owner, "Анна — баня");
        int beforeArchive = lastMessageId(owner);
        pressInline(owner, card, "🗄 В архив");
        SafetyTests.awaitTrue(() -> current(owner, card.messageId()).text().startsWith("🗄 Закрыть проект «Анна — баня»?"));
        assertThat(current(owner, card.messageId()).text()).contains("Ссылок-приглашений отзову: 1")
                .contains("Клиентов в канале: 1");
        pressInline(owner, current(owner, card.messageId()), "🗄 В архив и удалить клиентов");
        SafetyTests.awaitTrue(() -> current(owner, card.messageId()).text().startsWith("🗄 Канал «Анна — баня» в архиве"));
        assertThat(current(owner, card.messageId()).text()).contains("Ссылок отозвано: 1")
                .contains("Клиентов удалено из канала: 1");

        Channel channel = sandbox.channel(room.getTgChatId());
        assertThat(channel.inviteLinks()).filteredOn(l -> "Семья".equals(l.name())).singleElement()
                .satisfies(l -> assertThat(l.revoked()).as("revoked in Telegram").isTrue());
        assertThat(channel.members()).filteredOn(m -> m.userId() == client)
                .allSatisfy(m -> assertThat(m.status()).isNotIn("member", "restricted", "kicked"));
        assertThat(jdbc.sql("SELECT status FROM core.clients WHERE tg_user_id = :u").param("u", client)
                .query(String.class).single()).isNotEqualTo("active");
        assertThat(count("smetabot.bot.rooms.archived", "outcome", "archived")).isEqualTo(archived + 1);
        // The ban's and the unban's chat_member updates go one after the other (one lane per chat): once the
        // unban's is recorded, both were handled, and the owner who asked for the removal was not told of it.
        SafetyTests.awaitTrue(() -> jdbc.sql("""
                SELECT count(*) FROM analytics.events e JOIN core.clients c ON c.id = e.client_id
                 WHERE c.tg_user_id = :u AND e.event_type = 'client_leave' AND e.details->>'by' <> 'archive'""")
                .param("u", client).query(Long.class).single() > 0);
        assertThat(count("smetabot.bot.notices", "kind", "client_removed")).isEqualTo(removedNotices);
        assertThat(sandbox.readDialog(owner, BOT).messages()).filteredOn(m -> m.messageId() > beforeArchive)
                .noneMatch(m -> m.text() != null && m.text().startsWith("⛔"));

        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        assertThat(list.inlineKeyboard()).flatExtracting(row -> row).extracting(b -> (String) b.get("text"))
                .noneMatch(t -> t.contains("Анна — баня")).contains("🗄 Архив (1)");
        pressInline(owner, list, "🗄 Архив");
        SafetyTests.awaitTrue(() -> current(owner, list.messageId()).text().startsWith("🗄 Архив"));
        pressInline(owner, current(owner, list.messageId()), "🗄 Анна — баня");
        SafetyTests.awaitTrue(() -> current(owner, list.messageId()).text().startsWith("🗄 Анна — баня — в архиве с"));
        assertThat(current(owner, list.messageId()).text()).contains("Файлов: 1");

        int before = lastMessageId(owner);
        pressInline(owner, current(owner, list.messageId()), "📥 Экспорт");
        Message files = sandbox.awaitBotMessage(owner, BOT, "Файлы канала «Анна — баня»", before, WAIT);
        assertThat(files.document().fileName()).isEqualTo("Анна — баня — файлы.csv");
        assertThat(new String(sandbox.file(files.document().fileId()), StandardCharsets.UTF_8)).contains("отчёт.pdf");

        pressInline(owner, current(owner, list.messageId()), "♻️ Вернуть из архива");
        SafetyTests.awaitTrue(() -> current(owner, list.messageId()).text().startsWith("📌 Анна — баня"));
        assertThat(rooms.findById(room.getId()).orElseThrow().isArchived()).isFalse();
        Message again = press(owner, "📢 Мои каналы", "Мои каналы");
        assertThat(again.inlineKeyboard()).flatExtracting(row -> row).extracting(b -> (String) b.get("text"))
                .anyMatch(t -> t.startsWith("📂 Анна — баня")).noneMatch(t -> t.startsWith("🗄 Архив"));
    }

    @Test
    void renamingChangesTheChannelsTitleInTelegramAndARefusalChangesNothing() {
        long owner = newOwner("Пётр", true);
        Room room = roomWithClients(owner, "Петров — старое", 0);

        Message card = openCard(owner, "Петров — старое");
        int before = lastMessageId(owner);
        pressInline(owner, card, "✏️ Переименовать");
        sandbox.awaitBotMessage(owner, BOT, "Напишите новое название для «Петров — старое»", before, WAIT);
        say(owner, "Петров — новое", "✅ Канал переименован: «Петров — новое»");

        assertThat(sandbox.channel(room.getTgChatId()).title()).isEqualTo("Петров — новое");
        assertThat(rooms.findById(room.getId()).orElseThrow().getTitle()).isEqualTo("Петров — новое");

        sandbox.addFault("botapi:setChatTitle", "FLOOD_WAIT", 120, null, 1);
        try {
            Message renamed = openCard(owner, "Петров — новое");
            before = lastMessageId(owner);
            pressInline(owner, renamed, "✏️ Переименовать");
            sandbox.awaitBotMessage(owner, BOT, "Напишите новое название", before, WAIT);
            say(owner, "Петров — третье", "⚠️ Не удалось переименовать канал");
        } finally {
            sandbox.clearFaults();
        }
        assertThat(sandbox.channel(room.getTgChatId()).title()).isEqualTo("Петров — новое");
        assertThat(rooms.findById(room.getId()).orElseThrow().getTitle()).isEqualTo("Петров — новое");
        assertThat(count("smetabot.bot.rooms.renamed", "outcome", "refused")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aLinkTelegramDidNotRevokeAdmitsNobodyToTheArchivedRoom() {
        long owner = newOwner("Ольга", true);
        Room room = roomWithClients(owner, "Ольга — дача", 0);
        String link = jdbc.sql("SELECT invite_link FROM core.invites WHERE channel_id = :r").param("r", room.getId())
                .query(String.class).single();
        double partial = count("smetabot.bot.rooms.archived", "outcome", "partial");

        Message card = openCard(owner, "Ольга — дача");
        pressInline(owner, card, "🗄 В архив");
        SafetyTests.awaitTrue(() -> current(owner, card.messageId()).text().startsWith("🗄 Закрыть проект"));
        sandbox.addFault("botapi:revokeChatInviteLink", "FLOOD_WAIT", 120, null, 1);
        try {
            pressInline(owner, current(owner, card.messageId()), "🗄 В архив, клиентов оставить");
            SafetyTests.awaitTrue(() -> current(owner, card.messageId()).text().startsWith("🗄 Канал «Ольга — дача» в архиве"));
        } finally {
            sandbox.clearFaults();
        }
        assertThat(current(owner, card.messageId()).text()).contains("Ссылок отозвано: 0")
                .contains("⚠️ Telegram отказал: ссылок не отозвано — 1");
        assertThat(count("smetabot.bot.rooms.archived", "outcome", "partial")).isEqualTo(partial + 1);
        assertThat(sandbox.channel(room.getTgChatId()).inviteLinks()).filteredOn(l -> link.equals(l.inviteLink()))
                .singleElement().satisfies(l -> assertThat(l.revoked()).as("Telegram still has it").isFalse());

        long newcomer = BotSandbox.newUserId() + 600_000;
        sandbox.createUser(newcomer, "Новичок", "newcomer" + newcomer);
        assertThat(sandbox.openInviteLink(newcomer, link).outcome()).isEqualTo("requested");
        SafetyTests.awaitTrue(() -> sandbox.joinDecisions(room.getTgChatId()).stream()
                .anyMatch(d -> d.userId() == newcomer && "declined".equals(d.outcome())));
        assertThat(sandbox.channel(room.getTgChatId()).members()).noneMatch(m -> m.userId() == newcomer
                && "member".equals(m.status()));
    }

    @Test
    void aClientTelegramRefusedToRemoveStaysAnActiveClientOfTheArchivedRoom() {
        long owner = newOwner("Вера", true);
        Room room = roomWithClients(owner, "Вера — кухня", 1);
        long client = clients(room)[0];

        Message card = openCard(owner, "Вера — кухня");
        pressInline(owner, card, "🗄 В архив");
        SafetyTests.awaitTrue(() -> current(owner, card.messageId()).text().startsWith("🗄 Закрыть проект"));
        sandbox.addFault("botapi:banChatMember", "FLOOD_WAIT", 120, null, 1);
        try {
            pressInline(owner, current(owner, card.messageId()), "🗄 В архив и удалить клиентов");
            SafetyTests.awaitTrue(() -> current(owner, card.messageId()).text().startsWith("🗄 Канал «Вера — кухня» в архиве"));
        } finally {
            sandbox.clearFaults();
        }
        assertThat(current(owner, card.messageId()).text()).contains("клиентов не удалено — 1");
        assertThat(sandbox.channel(room.getTgChatId()).members()).filteredOn(m -> m.userId() == client)
                .singleElement().satisfies(m -> assertThat(m.status()).isEqualTo("member"));
        assertThat(jdbc.sql("SELECT status FROM core.clients WHERE tg_user_id = :u").param("u", client)
                .query(String.class).single()).as("marked gone before the ban, back once Telegram refused").isEqualTo("active");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM analytics.events e JOIN core.clients c ON c.id = e.client_id
                 WHERE c.tg_user_id = :u AND e.event_type = 'client_leave'""").param("u", client)
                .query(Long.class).single()).isZero();
    }

    /** A room with отчёт.pdf and {@code clients} clients who came by the link «Семья». */
    private Room roomWithClients(long owner, String title, int clients) {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, title, "📌 " + title);
        Room room = rooms.findByTgChatId(roomChat(owner, title)).orElseThrow();
        Message doc = sandbox.sendDocument(owner, BOT, "отчёт.pdf", "application/pdf",
                "%PDF-1.4 отчёт".getBytes(StandardCharsets.UTF_8), null);
        Message chooser = sandbox.awaitBotMessage(owner, BOT, "В какой канал опубликовать «отчёт.pdf»", doc.messageId(), WAIT);
        pressInline(owner, chooser, "📂 " + title);
        sandbox.awaitEditedBotMessage(owner, BOT, "✅ Файл «отчёт.pdf» опубликован", WAIT);
        String link = links.create(room, new LinkOptions("Семья", 0, 0)).getLink();
        int last = lastMessageId(owner);
        for (int i = 0; i < clients; i++) {
            long client = BotSandbox.newUserId() + 500_000;
            sandbox.createUser(client, "Клиент " + client, "client" + client);
            sandbox.openInviteLink(client, link);
            last = sandbox.awaitBotMessage(owner, BOT, "Клиент " + client, last, WAIT).messageId();
        }
        return room;
    }

    private long[] clients(Room room) {
        return jdbc.sql("SELECT tg_user_id FROM core.clients WHERE channel_id = :r ORDER BY id").param("r", room.getId())
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
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

    private double count(String name, String tag, String value) {
        return SafetyTests.countOf(meters, name, tag, value);
    }
}
