package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.bot.notifications.DigestKind;
import ru.smetabot.bot.notifications.DigestSchedule;
import ru.smetabot.bot.notifications.Digests;
import ru.smetabot.bot.notifications.NotificationMode;
import ru.smetabot.bot.notifications.NotificationSettings;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;
import ru.smetabot.views.MutableClock;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.ViewsRefresher;

/**
 * "🔔 Уведомления" through the bot's menus: the owner picks the daily digest, a client joins and no
 * instant notice comes; at digest time (an injected clock) the digest comes, once, however many runs
 * or instances look at it. A send Telegram refuses with a flood wait is retried after the wait.
 * The scheduled runs are off here: the test runs them by hand. The daily time is set a few hours
 * ahead of now, so the test's own events fall in the digest's day; the weekly one is set so that
 * its latest period is stale and only the daily digest is in play.
 */
@TestPropertySource(properties = "smetabot.bot.digests.check-interval=0s")
@Import(NotificationsJourneyTests.TestClock.class)
class NotificationsJourneyTests extends BotThroughSandbox {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final LocalTime DAILY_TIME = LocalTime.now(ZONE).plusHours(3).truncatedTo(ChronoUnit.MINUTES);

    @Autowired
    Digests digests;

    @Autowired
    DigestSchedule schedule;

    @Autowired
    NotificationSettings settings;

    @Autowired
    MutableClock clock;

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Autowired
    ViewsRefresher refresher;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void digestTimes(DynamicPropertyRegistry registry) {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        ZonedDateTime due = now.with(DAILY_TIME).isAfter(now) ? now.with(DAILY_TIME) : now.with(DAILY_TIME).plusDays(1);
        registry.add("smetabot.bot.digests.daily-time", DAILY_TIME::toString);
        registry.add("smetabot.bot.digests.time-zone", ZONE::getId);
        // The weekly digest is due 4 days before the daily one: stale (over 3½ days late) at the daily's time.
        registry.add("smetabot.bot.digests.weekly-day", () -> due.plusDays(3).getDayOfWeek().name());
        registry.add("smetabot.bot.digests.weekly-time", DAILY_TIME::toString);
    }

    @BeforeEach
    void realTime() {
        clock.set(Instant.now()); // the other test may have moved it on
    }

    @Test
    void theOwnerChoosesTheDailyDigestAndGetsItOnceInsteadOfNotices() throws Exception {
        long owner = newOwner("Дарья", true);
        Room room = newRoom(owner, "Дарьина — веранда");
        Message card = sandbox.awaitBotMessage(owner, BOT, "📌 Дарьина — веранда", 0, WAIT);

        pressInline(owner, card, "🔔 Уведомления");
        Message screen = sandbox.awaitEditedBotMessage(owner, BOT, "Уведомления канала «Дарьина — веранда»", WAIT);
        assertThat(screen.messageId()).isEqualTo(card.messageId());
        assertThat(screen.text()).contains("Сейчас: ⚡ Сразу");
        pressInline(owner, screen, "📰 Раз в день");
        Message chosen = sandbox.awaitEditedBotMessage(owner, BOT, "Сейчас: 📰 Раз в день", WAIT);
        assertThat(settings.mode(room.getId())).isEqualTo(NotificationMode.DAILY);
        pressInline(owner, chosen, "⬅️ К каналу");
        sandbox.awaitEditedBotMessage(owner, BOT, "📌 Дарьина — веранда", WAIT);

        InviteLink link = links.create(room, new LinkOptions("Веранда", 0, 0));
        long guest = BotSandbox.newUserId() + 400_000;
        long leaver = BotSandbox.newUserId() + 400_000;
        sandbox.createUser(guest, "Гость" + guest, "guest" + guest);
        sandbox.createUser(leaver, "Уходящий" + leaver, null);
        assertThat(sandbox.openInviteLink(guest, link.getLink()).outcome()).isEqualTo("requested");
        assertThat(sandbox.openInviteLink(leaver, link.getLink()).outcome()).isEqualTo("requested");
        sandbox.postDocumentToChannel(room.getTgChatId(), owner, "veranda.pdf", "application/pdf",
                "%PDF-1.4 veranda".getBytes(StandardCharsets.UTF_8), null);
        Awaitility.await().atMost(WAIT).until(() -> publications(room) == 1);
        // Join requests go to lanes by (room, person), not the channel post's lane: wait for both to be recorded.
        Awaitility.await().atMost(WAIT).until(() -> status(room, guest).equals("active") && status(room, leaver).equals("active"));
        assertThat(texts(owner)).as("no instant notice in digest mode").noneMatch(t -> t.contains("вступил(а)"));
        sandbox.leaveChannel(room.getTgChatId(), leaver);
        Awaitility.await().atMost(WAIT).until(() -> status(room, leaver).equals("left"));
        sandbox.readChannel(room.getTgChatId(), guest);
        assertThat(refresher.refreshViewsForRoom(room.getId(), RefreshTrigger.onDemand()).refreshed()).isTrue();

        clock.set(dueAt().minusSeconds(60));
        assertThat(sent(digests.runDue())).as("not yet due").isZero();
        clock.set(dueAt().plusSeconds(60));
        List<Digests.Report> runs = concurrently(4, digests::runDue); // four instances at once

        assertThat(runs.stream().mapToInt(this::sent).sum()).isEqualTo(1);
        Message digest = sandbox.awaitBotMessage(owner, BOT, "Сводка за сутки", 0, WAIT);
        assertThat(digest.text().lines()).containsSubsequence(
                "📌 Дарьина — веранда",
                "👤 Вступили (2):",
                "• Гость" + guest + " (@guest" + guest + ") — по ссылке «Веранда»",
                "• Уходящий" + leaver + " — по ссылке «Веранда»",
                "🚪 Вышли (1):",
                "• Уходящий" + leaver,
                "👁 Новых просмотров: +1");

        clock.advance(Duration.ofMinutes(30)); // a later run, or a restarted bot: the delivery is on record
        assertThat(sent(digests.runDue())).isZero();
        assertThat(texts(owner)).filteredOn(t -> t.contains("Сводка за сутки")).hasSize(1);
        assertThat(delivery(owner)).isEqualTo("sent/1");
        assertThat(meters.counter("smetabot.bot.digests", "kind", "daily", "outcome", "sent").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDigestTelegramRefusesWithAFloodWaitIsRetriedAfterTheWaitAndSentOnce() throws Exception {
        long owner = newOwner("Егор", true);
        Room room = newRoom(owner, "Егоров — сарай");
        settings.set(room.getId(), NotificationMode.DAILY);
        InviteLink link = links.create(room, new LinkOptions("Сарай", 0, 0));
        long guest = BotSandbox.newUserId() + 400_000;
        sandbox.createUser(guest, "Сосед" + guest, null);
        sandbox.openInviteLink(guest, link.getLink());
        Awaitility.await().atMost(WAIT).until(() -> status(room, guest).equals("active"));

        clock.set(dueAt().plusSeconds(60));
        sandbox.addFault("sendMessage", "FLOOD_WAIT", 600, null, 1);
        Digests.Report failed = daily(digests.runDue());

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(failed.sent()).isZero();
        assertThat(failed.nextRetry()).isEqualTo(clock.instant().plusSeconds(600));
        assertThat(delivery(owner)).isEqualTo("failed/1");
        assertThat(texts(owner)).noneMatch(t -> t.contains("Сводка за сутки"));
        assertThat(meters.counter("smetabot.bot.digests", "kind", "daily", "outcome", "failed").count()).isGreaterThanOrEqualTo(1);

        clock.advance(Duration.ofMinutes(5)); // past the usual back-off, not past Telegram's 600 s
        assertThat(daily(digests.runDue()).sent()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(daily(digests.runDue()).sent()).isEqualTo(1);

        Message digest = sandbox.awaitBotMessage(owner, BOT, "Сводка за сутки", 0, WAIT);
        assertThat(digest.text()).contains("📌 Егоров — сарай\n👤 Вступили (1):\n• Сосед" + guest + " — по ссылке «Сарай»");
        assertThat(daily(digests.runDue()).sent()).isZero();
        assertThat(texts(owner)).filteredOn(t -> t.contains("Сводка за сутки")).hasSize(1);
        assertThat(delivery(owner)).isEqualTo("sent/2");
    }

    /** Issue 14: a day with hundreds of joins comes as one digest within Telegram's 4096 characters, saying what did not fit. */
    @Test
    void aHugeDayComesAsOneDigestWithinTelegramsLimitsSayingHowManyMore() {
        long owner = newOwner("Жанна", true);
        Room room = newRoom(owner, "Жаннин стадион");
        settings.set(room.getId(), NotificationMode.DAILY);
        InviteLink link = links.create(room, new LinkOptions("Трибуна <&> " + "т".repeat(20), 0, 0));
        for (int i = 0; i < 300; i++) {
            long clientId = jdbc.sql("""
                    INSERT INTO core.clients (channel_id, invite_id, tg_user_id, username, full_name, status, joined_at)
                    VALUES (:room, :invite, :user, :username, :name, 'active', now()) RETURNING id""")
                    .param("room", room.getId()).param("invite", link.getId()).param("user", 7_700_000_000L + owner * 1000 + i)
                    .param("username", "fan_" + "x".repeat(24) + i).param("name", "Болельщик <" + i + "> " + "ю".repeat(60))
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO analytics.events (event_type, channel_id, client_id, details)
                    VALUES ('client_join', :room, :client, jsonb_build_object('invite_id', :invite::bigint))""")
                    .param("room", room.getId()).param("client", clientId).param("invite", link.getId()).update();
        }

        clock.set(dueAt().plusSeconds(60));
        assertThat(sent(digests.runDue())).isGreaterThanOrEqualTo(1);

        Message digest = sandbox.awaitBotMessage(owner, BOT, "Сводка за сутки", 0, WAIT);
        SandboxScreens.assertWithinTelegramLimits(digest);
        assertThat(digest.text()).contains("👤 Вступили (300):").contains("• Болельщик <0> ")
                .containsPattern("\\n…и ещё \\d+ — не поместилось в одно сообщение$");
    }

    private Room newRoom(long owner, String title) {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        Message sent = sandbox.sendText(owner, BOT, title);
        sandbox.awaitBotMessage(owner, BOT, "📌 " + title, sent.messageId(), WAIT);
        return rooms.findByTgChatId(roomChat(owner, title)).orElseThrow();
    }

    /** Today's digest time if still ahead of the real time, else tomorrow's (the test's events are before it). */
    private Instant dueAt() {
        return schedule.nextDue(DigestKind.DAILY, Instant.now());
    }

    private int sent(List<Digests.Report> reports) {
        return reports.stream().mapToInt(this::sent).sum();
    }

    private int sent(Digests.Report report) {
        return report.sent();
    }

    private static Digests.Report daily(List<Digests.Report> reports) {
        assertThat(reports).extracting(Digests.Report::kind).containsExactly(DigestKind.DAILY);
        return reports.get(0);
    }

    private static List<Digests.Report> concurrently(int instances, Callable<List<Digests.Report>> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Digests.Report> all = new java.util.ArrayList<>();
            for (Future<List<Digests.Report>> f : pool.invokeAll(Collections.nCopies(instances, run))) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private List<String> texts(long user) {
        return sandbox.readDialog(user, BOT).messages().stream().map(Message::text).filter(java.util.Objects::nonNull).toList();
    }

    private String delivery(long owner) {
        return jdbc.sql("""
                SELECT d.status || '/' || d.attempts FROM core.digest_deliveries d JOIN core.contractors k ON k.id = d.contractor_id
                 WHERE k.tg_user_id = :owner AND d.kind = 'daily'""")
                .param("owner", owner).query(String.class).single();
    }

    private long publications(Room room) {
        return jdbc.sql("SELECT count(*) FROM core.publications WHERE channel_id = :r").param("r", room.getId())
                .query(Long.class).single();
    }

    private String status(Room room, long user) {
        return jdbc.sql("SELECT status FROM core.clients WHERE channel_id = :r AND tg_user_id = :u")
                .param("r", room.getId()).param("u", user).query(String.class).optional().orElse("none");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        MutableClock clock() {
            return MutableClock.startingNow();
        }
    }
}
