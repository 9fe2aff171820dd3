package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.bot.joinrequests.JoinRequest;
import ru.smetabot.bot.joinrequests.JoinRequestService;
import ru.smetabot.bot.joinrequests.JoinRequestSweep;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The seed's Test 2 through the bot's menus: a named link, three clients approved and announced,
 * "👥 Участники" with admins and clients; a limit of 1, a revoked link, a leave, a block, a
 * redelivered request and one found by the sweep after the bot was stopped.
 */
class MembersJourneyTests extends BotThroughSandbox {

    private static final Pattern LINK = Pattern.compile("https://t\\.me/\\+[A-Za-z0-9_-]+");

    @Autowired
    InviteLinks links;

    @Autowired
    JoinRequestSweep sweep;

    @Autowired
    JoinRequestService joinRequests;

    @Autowired
    RoomRepository rooms;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void linkJoinsMembersLimitRevokeLeaveBlockAndSweep() throws Exception {
        long owner = newOwner("Пётр", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Петров — баня");
        sandbox.awaitBotMessage(owner, BOT, "📌 Петров — баня", sent.messageId(), WAIT);
        long chatId = roomChat(owner, "Петров — баня");
        Room room = rooms.findByTgChatId(chatId).orElseThrow();

        // The main menu's "🔗 Ссылки" asks for the room and opens the same links screen as the card.
        Message chooser = press(owner, "🔗 Ссылки", "Выберите канал");
        pressInline(owner, chooser, "📂 Петров — баня");
        assertThat(sandbox.awaitEditedBotMessage(owner, BOT, "Ссылок пока нет", WAIT).messageId()).isEqualTo(chooser.messageId());

        Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        pressInline(owner, list, "📂 Петров — баня");
        Message card = sandbox.awaitEditedBotMessage(owner, BOT, "📌 Петров — баня", WAIT);
        pressInline(owner, card, "🔗 Ссылки");
        Message linksScreen = sandbox.awaitEditedBotMessage(owner, BOT, "Ссылок пока нет", WAIT);
        pressInline(owner, linksScreen, "➕ Новая ссылка");
        sandbox.awaitEditedBotMessage(owner, BOT, "Напишите название новой ссылки", WAIT);
        Message expiry = say(owner, "Семья Петровых", "сколько будет действовать ссылка");
        pressInline(owner, expiry, "7 дней");
        Message limit = sandbox.awaitEditedBotMessage(owner, BOT, "сколько заявок одобрить", WAIT);
        pressInline(owner, limit, "Без лимита");
        Message created = sandbox.awaitEditedBotMessage(owner, BOT, "✅ Ссылка создана", WAIT);
        Matcher m = LINK.matcher(created.text());
        assertThat(m.find()).as(created.text()).isTrue();
        String link = m.group();

        int last = created.messageId();
        List<Long> clients = List.of(BotSandbox.newUserId() + 200_000, BotSandbox.newUserId() + 200_000, BotSandbox.newUserId() + 200_000);
        for (long client : clients) {
            sandbox.createUser(client, "Клиент" + client, "client" + client);
            assertThat(sandbox.openInviteLink(client, link).outcome()).isEqualTo("requested");
            Message notice = sandbox.awaitBotMessage(owner, BOT, "Клиент" + client + " (@client" + client + ") вступил(а) по ссылке «Семья Петровых»", last, WAIT);
            last = notice.messageId();
        }
        assertThat(countClients(room, "active")).isEqualTo(3);
        assertThat(approved(link)).isEqualTo(3);
        assertThat(sandbox.channel(chatId).members()).filteredOn(mb -> clients.contains(mb.userId()))
                .hasSize(3).allSatisfy(mb -> assertThat(mb.status()).isEqualTo("member"));

        Message again = press(owner, "📢 Мои каналы", "Мои каналы");
        pressInline(owner, again, "📂 Петров — баня");
        Message card2 = sandbox.awaitEditedBotMessage(owner, BOT, "📌 Петров — баня", WAIT);
        pressInline(owner, card2, "👥 Участники");
        Message members = sandbox.awaitEditedBotMessage(owner, BOT, "Администраторы", WAIT);
        assertThat(members.text()).contains("Пётр").contains("владелец").contains("smeta_e2e_bot")
                .contains("активных из 3");
        for (long client : clients) {
            assertThat(members.text()).contains("Клиент" + client + " (@client" + client + ") — «Семья Петровых»");
        }

        // Redelivered request: nothing changes.
        JoinRequest redelivered = new JoinRequest(chatId, clients.get(0), "Клиент", null, null, link, null, JoinRequest.Source.UPDATE);
        assertThat(joinRequests.handle(redelivered).outcome()).isEqualTo(JoinRequestService.Outcome.DUPLICATE);
        assertThat(approved(link)).isEqualTo(3);
        assertThat(countClients(room, null)).isEqualTo(3);

        // A leave, then a block through the menu.
        sandbox.leaveChannel(chatId, clients.get(1));
        Awaitility.await().atMost(WAIT).until(() -> status(room, clients.get(1)).equals("left"));
        pressInline(owner, members, "🚫 Заблокировать: Клиент" + clients.get(2));
        Message confirm = sandbox.awaitEditedBotMessage(owner, BOT, "Клиент будет удалён из канала", WAIT);
        pressInline(owner, confirm, "🚫 Да, заблокировать");
        Message blocked = sandbox.awaitEditedBotMessage(owner, BOT, "заблокирован(а).", WAIT);
        assertThat(status(room, clients.get(2))).isEqualTo("banned");
        assertThat(sandbox.channel(chatId).members()).filteredOn(mb -> mb.userId() == clients.get(2))
                .singleElement().satisfies(mb -> assertThat(mb.status()).isEqualTo("kicked"));

        // Unblock: unbanned in Telegram, "left" with us, so the link admits them again.
        pressInline(owner, blocked, "♻️ Разблокировать: Клиент" + clients.get(2));
        Message unconfirm = sandbox.awaitEditedBotMessage(owner, BOT, "сможет снова вступить", WAIT);
        pressInline(owner, unconfirm, "♻️ Да, разблокировать");
        sandbox.awaitEditedBotMessage(owner, BOT, "разблокирован(а).", WAIT);
        assertThat(status(room, clients.get(2))).isEqualTo("left");
        assertThat(sandbox.channel(chatId).members()).filteredOn(mb -> mb.userId() == clients.get(2))
                .noneSatisfy(mb -> assertThat(mb.status()).isEqualTo("kicked"));

        // Limit 1: the first is approved, the second declined.
        InviteLink single = links.create(room, new LinkOptions("Один", 1, 1));
        long first = BotSandbox.newUserId() + 200_000;
        long second = BotSandbox.newUserId() + 200_000;
        sandbox.createUser(first, "Первый" + first, null);
        sandbox.createUser(second, "Второй" + second, null);
        sandbox.openInviteLink(first, single.getLink());
        sandbox.awaitBotMessage(owner, BOT, "Первый" + first + " вступил(а) по ссылке «Один»", last, WAIT);
        sandbox.openInviteLink(second, single.getLink());
        sandbox.awaitBotMessage(owner, BOT, "лимит одобрений (1) исчерпан", last, WAIT);
        assertThat(approved(single.getLink())).isEqualTo(1);
        assertThat(status(room, second)).isEqualTo("none");
        assertThat(sandbox.channel(chatId).joinRequests()).noneMatch(r -> r.userId() == second);

        // Revoked: Telegram refuses the link and the database shows it revoked.
        links.revoke(room, single.getId());
        long late = BotSandbox.newUserId() + 200_000;
        sandbox.createUser(late, "Поздний", null);
        assertThatThrownBy(() -> sandbox.openInviteLink(late, single.getLink()));
        assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM core.invites WHERE id = :id").param("id", single.getId())
                .query(Boolean.class).single()).isTrue();

        // The bot is down while someone asks to join; the sweep admits them.
        SmartLifecycle poller = context.getBean("botPoller", SmartLifecycle.class);
        poller.stop();
        double redeliveriesBefore = duplicateUpdates();
        long whileDown = BotSandbox.newUserId() + 200_000;
        try {
            sandbox.createUser(whileDown, "Ночной", "night" + whileDown);
            sandbox.openInviteLink(whileDown, link);
            JoinRequestSweep.Report report = sweep.sweep();
            assertThat(report.found()).isGreaterThanOrEqualTo(1);
            assertThat(status(room, whileDown)).isEqualTo("active");
            assertThat(approved(link)).isEqualTo(4);
        } finally {
            poller.start();
        }
        sandbox.awaitBotMessage(owner, BOT, "Ночной (@night" + whileDown + ") вступил(а)", last, WAIT);
        // The request's update reaches the restarted poller and is decided as a duplicate: wait for that outcome.
        Awaitility.await().atMost(WAIT).until(() -> duplicateUpdates() > redeliveriesBefore);
        assertThat(approved(link)).as("the redelivered update after the restart counts nothing").isEqualTo(4);
        assertThat(countClients(room, null)).isEqualTo(5);
    }

    private double duplicateUpdates() {
        return meters.find("smetabot.join_requests").tag("source", "update").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private int approved(String link) {
        return jdbc.sql("SELECT approved_count FROM core.invites WHERE invite_link = :l").param("l", link).query(Integer.class).single();
    }

    private long countClients(Room room, String status) {
        return jdbc.sql("SELECT count(*) FROM core.clients WHERE channel_id = :r AND (:s::text IS NULL OR status = :s::text)")
                .param("r", room.getId()).param("s", status).query(Long.class).single();
    }

    private String status(Room room, long user) {
        return jdbc.sql("SELECT status FROM core.clients WHERE channel_id = :r AND tg_user_id = :u")
                .param("r", room.getId()).param("u", user).query(String.class).optional().orElse("none");
    }
}
