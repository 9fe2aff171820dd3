package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The seed's checklist (TESTING_STATS.md, "Как протестировать"), step by step as the contractor and
 * a client do it in Telegram (the sandbox), against the suite as ./run-local starts it.
 */
@ExtendWith(SharedSuite.class)
class SeedChecklistTests {

    private final Suite suite;

    SeedChecklistTests(Suite suite) {
        this.suite = suite;
    }

    /** Тест 1: Статистика просмотров. */
    @Test
    void test1ViewsStatisticsRefreshedByTheButton() {
        Contractor owner = Contractor.signUp(suite, "Иван");
        owner.connectAccount();

        // 1. Создайте канал и опубликуйте файл
        long chatId = owner.createRoom("Иванов — кухня");
        assertThat(suite.sandbox().channel(chatId).ownerId()).as("the contractor's own account owns it").isEqualTo(owner.id());
        owner.publish("Иванов — кухня", "smeta.pdf");

        // 2-3. "📢 Мои каналы" → the channel: files and views
        Message card = owner.openCard("Иванов — кухня");
        assertThat(card.text()).contains("Файлов: 1").contains("Просмотров: 0").contains("smeta.pdf — 👁 0");

        Client.joinByLink(suite, chatId).readPosts();
        Instant pressed = Instant.now().minusSeconds(1);

        // 4. "🔄 Обновить статистику" → the views are updated, in the same card
        Message refreshed = owner.refreshUntil(card, "smeta.pdf — 👁 1", "Просмотров: 1");
        assertThat(refreshed.text()).doesNotContain("ещё не обновлялись").doesNotContain("⚠️");
        assertThat(suite.queryLong("""
                SELECT count(*) FROM analytics.refresh_runs r JOIN core.channels c ON c.id = r.channel_id
                 WHERE c.tg_chat_id = ? AND r.trigger = 'bot' AND r.outcome = 'refreshed' AND r.started_at >= ?""",
                chatId, java.sql.Timestamp.from(pressed)))
                .as("the button ran the refresh itself").isPositive();
    }

    /** Тест 2: Участники канала — an invite link made in the bot, a client joins by it, "👥 Участники". */
    @Test
    void test2MembersShowAdminsAndClientsWhoJoinedByLink() {
        Contractor owner = Contractor.signUp(suite, "Олег");
        owner.connectAccount();
        long chatId = owner.createRoom("Смирнов — дача");

        // 1. Создайте ссылку-приглашение для канала: "🔗 Ссылки" → room → "➕ Новая ссылка" → name, expiry, limit
        String link = owner.createLink("Смирнов — дача", "Смирновы");

        // 2. Присоединитесь к каналу по ссылке с другого аккаунта: a join request the bot approves and announces
        long client = Suite.newUserId();
        suite.sandbox().createUser(client, "Пётр", "Смирнов", "petr" + client, null, null);
        assertThat(suite.sandbox().openInviteLink(client, link).outcome()).isEqualTo("requested");
        Message joined = owner.awaitMessage("вступил(а) по ссылке «Смирновы»");
        assertThat(joined.text()).startsWith("👤").contains("Пётр").contains("@petr" + client)
                .contains("📌 Канал: Смирнов — дача");
        assertThat(suite.sandbox().channel(chatId).members())
                .anyMatch(m -> m.userId() == client && m.status().equals("member"));

        // 3-4. Детали канала → "👥 Участники": the administrators and the client who joined by the link
        Message card = owner.openCard("Смирнов — дача");
        owner.pressInline(card, "👥 Участники");
        Message members = owner.awaitText(card.messageId(), "Участники канала «Смирнов — дача»", "Администраторы");
        assertThat(members.text()).contains("👑 Олег").contains("владелец").contains("🤖")
                .contains("Клиентов по ссылкам: 1 активных из 1")
                .contains("Пётр").contains("@petr" + client).contains("«Смирновы»").contains("✅ в канале");
    }

    /** Тест 3: Автоматическое обновление — every REFRESH_INTERVAL (5 s here), and by the manual trigger. */
    @Test
    void test3ViewsRefreshAutomaticallyAndByTheManualTrigger() {
        Contractor owner = Contractor.signUp(suite, "Пётр");
        owner.connectAccount();
        long chatId = owner.createRoom("Петров — ванная");
        long roomId = suite.queryLong("SELECT id FROM core.channels WHERE tg_chat_id = ?", chatId);

        // 1. Опубликуйте файл в канале
        owner.publish("Петров — ванная", "plan.pdf");
        assertThat(owner.openCard("Петров — ванная").text()).contains("plan.pdf — 👁 0");
        Client.joinByLink(suite, chatId).readPosts();

        // 2-3. Подождите (REFRESH_INTERVAL) → the views updated without pressing anything
        Message card = awaitCardShowing(owner, "Петров — ванная", "plan.pdf — 👁 1", Duration.ofSeconds(60));
        assertThat(card.text()).contains("Просмотров: 1");
        assertThat(suite.queryLong("SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = ? AND trigger = 'bot'",
                roomId)).as("nobody pressed the button").isZero();
        assertThat(suite.queryLong("""
                SELECT count(*) FROM analytics.refresh_runs
                 WHERE channel_id = ? AND trigger = 'periodic' AND outcome = 'refreshed' AND updated = 1""", roomId))
                .isPositive();

        // 2'. …или запустите задачу вручную: the seed's "celery call refresh_views_for_room" is POST /refresh/rooms/{id}
        Client.joinByLink(suite, chatId).readPosts();
        Map<String, Object> run = refreshRoomByHand(roomId);
        assertThat(run).containsEntry("roomId", (int) roomId).containsEntry("outcome", "refreshed");
        assertThat(awaitCardShowing(owner, "Петров — ванная", "plan.pdf — 👁 2", Duration.ofSeconds(10)).text())
                .contains("Просмотров: 2");
    }

    /** POST /refresh/rooms/{id}?wait=60, again after Retry-After while the periodic run holds the room. */
    private Map<String, Object> refreshRoomByHand(long roomId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            ServiceHttp.Reply reply = suite.worker("POST", "/refresh/rooms/" + roomId + "?wait=60");
            if (reply.status() == 200) {
                return reply.json();
            }
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            Contractor.sleep(1000);
        }
        throw new AssertionError("the room stayed busy");
    }

    /** Opens the card the way a person checks back later, until it shows {@code text}. */
    static Message awaitCardShowing(Contractor owner, String room, String text, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Message card = owner.openCard(room);
        while (!card.text().contains(text) && Instant.now().isBefore(deadline)) {
            Contractor.sleep(3000);
            card = owner.openCard(room);
        }
        assertThat(card.text()).contains(text);
        return card;
    }
}
