package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.context.TestPropertySource;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.bot.joinrequests.JoinRequestSweep;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The recovery sweep while the bot is down: more pending requests than one userbot page (100) are
 * all read by following the cursor, and a request whose link expired meanwhile is declined, with
 * the reason told to the owner. Only the test's own sweep runs (no scheduled one racing it for the
 * same requests), so its report can be checked.
 */
@TestPropertySource(properties = {"smetabot.bot.join-requests.sweep-on-start=false",
        "smetabot.bot.join-requests.sweep-interval=0s"})
class JoinRequestSweepTests extends BotThroughSandbox {

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Autowired
    JoinRequestSweep sweep;

    @Autowired
    ApplicationContext context;

    @Test
    void theSweepPagesThrough150PendingAndDeclinesWhatExpired() {
        long owner = newOwner("Семён", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Семёнов — гараж");
        Message card = sandbox.awaitBotMessage(owner, BOT, "📌 Семёнов — гараж", sent.messageId(), WAIT);
        Room room = rooms.findByTgChatId(roomChat(owner, "Семёнов — гараж")).orElseThrow();
        InviteLink many = links.create(room, new LinkOptions("Много", 0, 0));
        InviteLink daily = links.create(room, new LinkOptions("Сутки", 1, 0));

        SmartLifecycle poller = context.getBean("botPoller", SmartLifecycle.class);
        poller.stop();
        List<Long> users = new ArrayList<>();
        long late = BotSandbox.newUserId() + 300_000;
        try {
            for (int i = 0; i < 150; i++) {
                long user = BotSandbox.newUserId() + 300_000;
                sandbox.createUser(user, "Ждун" + user, null);
                assertThat(sandbox.openInviteLink(user, many.getLink()).outcome()).isEqualTo("requested");
                users.add(user);
            }
            sandbox.createUser(late, "Опоздавший", null);
            sandbox.openInviteLink(late, daily.getLink());
            // A day later by our records (Telegram keeps the request pending).
            jdbc.sql("UPDATE core.invites SET expires_at = now() - interval '1 minute' WHERE id = :id")
                    .param("id", daily.getId()).update();
            int pagesBefore = userbot.joinRequestPages();

            JoinRequestSweep.Report report = sweep.sweep();

            assertThat(report.found()).isGreaterThanOrEqualTo(151);
            assertThat(userbot.joinRequestPages() - pagesBefore).as("two pages for «Много»").isGreaterThanOrEqualTo(3);
        } finally {
            poller.start();
        }
        assertThat(sandbox.channel(room.getTgChatId()).joinRequests()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM core.clients WHERE channel_id = :r AND status = 'active'")
                .param("r", room.getId()).query(Long.class).single()).isEqualTo(150);
        assertThat(jdbc.sql("SELECT approved_count FROM core.invites WHERE id = :id").param("id", many.getId())
                .query(Integer.class).single()).isEqualTo(150);
        assertThat(jdbc.sql("SELECT declined_count FROM core.invites WHERE id = :id").param("id", daily.getId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(sandbox.channel(room.getTgChatId()).members()).noneMatch(m -> m.userId() == late);
        sandbox.awaitBotMessage(owner, BOT, "по ссылке «Сутки» отклонена: срок действия ссылки истёк", card.messageId(), WAIT);
    }
}
