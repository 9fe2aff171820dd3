package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import ru.smetabot.bot.members.MemberReconciliation;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Issue 15 defect 5: joins and leaves whose chat_member updates the bot never handled (it was down, the database
 * refused) are found by comparing the channel's member list (through the owner's userbot session) with our clients.
 */
class MemberReconciliationTests extends BotThroughSandbox {

    @Autowired
    MemberReconciliation reconciliation;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void membersWhoseUpdatesWereLostAreReconciledThroughTheUserbot() throws Exception {
        long owner = newOwner("Сверка", true);
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, "Сверка — склад");
        sandbox.awaitBotMessage(owner, BOT, "📌 Сверка — склад", sent.messageId(), WAIT);
        long chatId = roomChat(owner, "Сверка — склад");
        long stays = BotSandbox.newUserId() + 700_000;
        long leaves = BotSandbox.newUserId() + 700_000;
        joinAsClient(chatId, leaves);
        Awaitility.await().atMost(WAIT).until(() -> "active".equals(status(chatId, leaves)));

        SmartLifecycle poller = context.getBean("botPoller", SmartLifecycle.class);
        poller.stop();
        double memberUpdatesBefore = memberUpdates();
        MemberReconciliation.Report report;
        try {
            joinAsClient(chatId, stays); // their chat_member update waits unseen
            sandbox.leaveChannel(chatId, leaves);

            report = reconciliation.reconcile();
        } finally {
            poller.start();
        }

        // (Rooms of other test classes on the shared database may be unreadable here: their accounts are not connected.)
        assertThat(report.rooms()).isPositive();
        assertThat(status(chatId, stays)).isEqualTo("active");
        assertThat(status(chatId, leaves)).isEqualTo("left");
        assertThat(report.joined()).isGreaterThanOrEqualTo(1);
        assertThat(report.left()).isGreaterThanOrEqualTo(1);
        // The delayed updates arrive after the restart and change nothing: one join event for the one who stays.
        Awaitility.await().atMost(WAIT).until(() -> memberUpdates() >= memberUpdatesBefore + 2);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM analytics.events e JOIN core.clients c ON c.id = e.client_id
                 WHERE e.event_type = 'client_join' AND c.tg_user_id = :u""").param("u", stays).query(Long.class).single())
                .isEqualTo(1);
        assertThat(status(chatId, stays)).isEqualTo("active");
        assertThat(status(chatId, leaves)).isEqualTo("left");
    }

    private double memberUpdates() {
        return meters.find("smetabot.bot.updates").tag("type", "chat_member").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private String status(long chatId, long user) {
        return jdbc.sql("SELECT status FROM core.clients WHERE channel_id = :r AND tg_user_id = :u")
                .param("r", roomId(chatId)).param("u", user).query(String.class).optional().orElse("none");
    }
}
