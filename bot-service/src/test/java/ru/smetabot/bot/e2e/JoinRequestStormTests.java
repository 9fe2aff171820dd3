package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.bot.joinrequests.JoinRequestSweep;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Issue 7's storm: join requests over 50 links (approvals limits 1, 5, 10 and none) in 10 rooms,
 * every update handed to the bot twice, and a crash in the middle that loses a batch of requests
 * unseen and keeps the bot down while more arrive. Afterwards every request is decided once, by
 * its link's policy, in the database, in Telegram and in the owner's chat, and none is pending
 * (the sweep on restart found the lost ones). 2 000 requests, as the issue asks (-Dstorm.requests changes it); the
 * figures are printed as a "STORM" line in this class's test output.
 */
class JoinRequestStormTests extends BotThroughSandbox {

    private static final int REQUESTS = Integer.getInteger("storm.requests", 2_000);
    private static final int ROOMS = 10;
    private static final int LINKS_PER_ROOM = 5;
    private static final int[] LIMITS = {1, 5, 10, 0};
    private static final int LOST = 25;
    private static final Pattern GUEST = Pattern.compile("Гость(\\d+)");

    @Autowired
    InviteLinks links;

    @Autowired
    RoomRepository rooms;

    @Autowired
    RedeliveringDispatcher dispatcher;

    @Autowired
    JoinRequestSweep sweep;

    @Autowired
    ApplicationContext context;

    private final Map<Long, Instant> asked = new ConcurrentHashMap<>();
    private final Map<Long, String> linkOf = new HashMap<>();

    private record Target(long roomId, long chatId, InviteLink link, int limit) {
    }

    @Test
    void everyRequestIsDecidedOnceByPolicyDespiteRedeliveriesAndARestart() throws Exception {
        long owner = newOwner("Шторм", true);
        List<Target> targets = targets(owner);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            users.add(BotSandbox.newUserId());
            linkOf.put(users.get(i), targets.get(i % targets.size()).link().getLink());
        }
        ExecutorService requesters = Executors.newFixedThreadPool(4);
        parallel(requesters, users, user -> sandbox.createUser(user, "Гость" + user, null));
        SmartLifecycle poller = context.getBean("botPoller", SmartLifecycle.class);
        int crashAt = REQUESTS / 2;
        int restartAt = REQUESTS * 3 / 4;
        long started = System.nanoTime();
        long downMillis;
        dispatcher.redeliverAll(true);
        try {
            ask(requesters, users.subList(0, crashAt));
            dispatcher.loseJoinRequests(LOST);
            ask(requesters, users.subList(crashAt, crashAt + 4 * LOST));
            Awaitility.await().atMost(WAIT).until(() -> dispatcher.lost().size() == LOST);
            long down = System.nanoTime();
            poller.stop();
            sweep.stop();
            ask(requesters, users.subList(crashAt + 4 * LOST, restartAt));
            downMillis = (System.nanoTime() - down) / 1_000_000;
            poller.start();
            sweep.start();
            ask(requesters, users.subList(restartAt, REQUESTS));
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> decided(targets) == REQUESTS && pending(targets) == 0);
        } finally {
            dispatcher.redeliverAll(false);
            requesters.shutdownNow();
            if (!poller.isRunning()) {
                poller.start();
            }
            if (!sweep.isRunning()) {
                sweep.start();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<Long, Integer> perLink = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            perLink.merge(targets.get(i % targets.size()).link().getId(), 1, Integer::sum);
        }
        int approvedTotal = 0;
        for (Target t : targets) {
            int requests = perLink.get(t.link().getId());
            int approved = t.limit() == 0 ? requests : Math.min(requests, t.limit());
            Map<String, Object> row = jdbc.sql("""
                    SELECT approved_count, declined_count,
                           (SELECT count(*) FROM core.clients c WHERE c.invite_id = i.id AND c.status = 'active') AS clients
                      FROM core.invites i WHERE i.id = :id""").param("id", t.link().getId()).query().singleRow();
            assertThat(row).as("link %s (limit %d, %d requests)", t.link().getName(), t.limit(), requests)
                    .containsEntry("approved_count", approved).containsEntry("declined_count", requests - approved)
                    .containsEntry("clients", (long) approved);
            approvedTotal += approved;
        }
        int declinedTotal = REQUESTS - approvedTotal;
        List<Long> roomIds = targets.stream().map(Target::roomId).distinct().toList();

        Map<Long, OffsetDateTime> decidedAt = new HashMap<>();
        jdbc.sql("""
                SELECT (details->>'tg_user_id')::bigint AS u, created_at FROM analytics.events
                 WHERE channel_id IN (:rooms) AND event_type IN ('invite_used', 'join_request_declined')""")
                .param("rooms", roomIds).query((rs, n) -> {
                    assertThat(decidedAt.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                            .as("user %d decided twice", rs.getLong(1)).isNull();
                    return null;
                }).list();
        assertThat(decidedAt.keySet()).as("every request decided exactly once").containsExactlyInAnyOrderElementsOf(users);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics.events WHERE channel_id IN (:rooms) AND event_type = 'client_join'")
                .param("rooms", roomIds).query(Long.class).single()).as("one join event per client").isEqualTo(approvedTotal);
        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT (channel_id, tg_user_id)) FROM core.clients WHERE channel_id IN (:rooms)")
                .param("rooms", roomIds).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .as("one client row per (room, user)").containsExactly((long) approvedTotal, (long) approvedTotal);

        Set<Long> activeInDb = new HashSet<>(jdbc.sql("SELECT tg_user_id FROM core.clients WHERE channel_id IN (:rooms) AND status = 'active'")
                .param("rooms", roomIds).query(Long.class).list());
        Set<Long> membersInTelegram = new HashSet<>();
        for (long chatId : targets.stream().map(Target::chatId).distinct().toList()) {
            sandbox.channel(chatId).members().stream().filter(m -> "member".equals(m.status()) && users.contains(m.userId()))
                    .forEach(m -> membersInTelegram.add(m.userId()));
        }
        assertThat(membersInTelegram).as("Telegram admitted exactly the approved").isEqualTo(activeInDb).hasSize(approvedTotal);

        Map<Long, Integer> joinedNotices = new HashMap<>();
        Map<Long, Integer> declinedNotices = new HashMap<>();
        int told = approvedTotal + declinedTotal;
        // Notices go out batched once a second (OwnerNoticeBatches): wait until every decision's notice arrived.
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            countNotices(owner, joinedNotices, declinedNotices);
            return joinedNotices.values().stream().mapToInt(Integer::intValue).sum()
                    + declinedNotices.values().stream().mapToInt(Integer::intValue).sum() >= told;
        });
        assertThat(joinedNotices.keySet()).as("owner told of each approval").isEqualTo(activeInDb);
        assertThat(declinedNotices).hasSize(declinedTotal);
        assertThat(joinedNotices.values()).as("each approval told once").containsOnly(1);
        assertThat(declinedNotices.values()).as("each decline told once").containsOnly(1);
        assertThat(dispatcher.lost()).hasSize(LOST).allSatisfy(u -> assertThat(decidedAt).containsKey(u));

        report(seconds, downMillis, approvedTotal, declinedTotal, decidedAt, users.subList(0, crashAt));
    }

    /** Counts the owner's join-request notices by guest; one message may hold several (a blank line between). */
    private void countNotices(long owner, Map<Long, Integer> joined, Map<Long, Integer> declined) {
        joined.clear();
        declined.clear();
        for (Message m : sandbox.readDialog(owner, BOT).messages()) {
            for (String notice : (m.text() == null ? "" : m.text()).split("\n\n")) {
                Matcher guest = GUEST.matcher(notice);
                if (guest.find()) {
                    (notice.contains("вступил(а) по ссылке") ? joined : declined)
                            .merge(Long.parseLong(guest.group(1)), 1, Integer::sum);
                }
            }
        }
    }

    /** 10 rooms made through the menu, 5 links each, limits cycling 1, 5, 10, unlimited. */
    private List<Target> targets(long owner) {
        List<Target> targets = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            String title = "Шторм " + r + " · " + owner;
            press(owner, "🆕 Новый канал", "Напишите название канала");
            Message sent = sandbox.sendText(owner, BOT, title);
            sandbox.awaitBotMessage(owner, BOT, "📌 " + title, sent.messageId(), WAIT);
            Room room = rooms.findByTgChatId(roomChat(owner, title)).orElseThrow();
            for (int l = 0; l < LINKS_PER_ROOM; l++) {
                int limit = LIMITS[targets.size() % LIMITS.length];
                InviteLink link = links.create(room, new LinkOptions("Шторм " + r + "." + l, 7, limit));
                targets.add(new Target(room.getId(), room.getTgChatId(), link, limit));
            }
        }
        return targets;
    }

    /** Each user opens their link (user i → link i mod 50), four at a time. */
    private void ask(ExecutorService pool, List<Long> batch) throws Exception {
        parallel(pool, batch, user -> {
            asked.put(user, Instant.now());
            assertThat(sandbox.openInviteLink(user, linkOf.get(user)).outcome()).isEqualTo("requested");
        });
    }

    private static void parallel(ExecutorService pool, List<Long> users, java.util.function.LongConsumer action) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (long user : users) {
            running.add(pool.submit(() -> action.accept(user)));
        }
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    private int decided(List<Target> targets) {
        return jdbc.sql("SELECT coalesce(sum(approved_count + declined_count), 0) FROM core.invites WHERE id IN (:ids)")
                .param("ids", targets.stream().map(t -> t.link().getId()).toList()).query(Integer.class).single();
    }

    private int pending(List<Target> targets) {
        return targets.stream().map(Target::chatId).distinct().mapToInt(chat -> sandbox.channel(chat).joinRequests().size()).sum();
    }

    /** The figures for the closing note: throughput, and update→decision latency (decision = its event's time). */
    private void report(double seconds, long downMillis, int approved, int declined, Map<Long, OffsetDateTime> decidedAt,
            List<Long> whileUp) {
        List<Long> all = latencies(decidedAt, asked.keySet());
        Set<Long> live = new HashSet<>(whileUp);
        live.removeAll(dispatcher.lost());
        List<Long> beforeCrash = latencies(decidedAt, live);
        System.out.printf("STORM requests=%d links=50 rooms=%d approved=%d declined=%d delivered twice=%d lost in the crash=%d "
                        + "bot down=%d ms | wall %.1f s, %.0f requests/s | update→decision latency ms: all p50=%d p99=%d max=%d; "
                        + "asked while the bot was up (first half, not lost) p50=%d p99=%d%n",
                REQUESTS, ROOMS, approved, declined, dispatcher.redelivered(), dispatcher.lost().size(), downMillis, seconds,
                REQUESTS / seconds, pct(all, 50), pct(all, 99), all.get(all.size() - 1), pct(beforeCrash, 50), pct(beforeCrash, 99));
    }

    private List<Long> latencies(Map<Long, OffsetDateTime> decidedAt, Set<Long> users) {
        return users.stream().map(u -> Duration.between(asked.get(u), decidedAt.get(u).toInstant()).toMillis())
                .map(ms -> Math.max(ms, 0)).sorted().toList();
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1));
    }
}
