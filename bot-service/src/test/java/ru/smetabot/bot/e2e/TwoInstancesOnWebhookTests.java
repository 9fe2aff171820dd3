package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import ru.smetabot.bot.BotApplication;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.invites.LinkOptions;
import ru.smetabot.bot.joinrequests.JoinRequestSweep;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.model.testing.TestPostgres;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Two bot instances on webhooks behind one URL (a round-robin forwarder, as a load balancer would be), one
 * database, one userbot: an owner makes rooms through the menu and a few hundred join requests arrive over links
 * with approval limits; halfway through, instance 2 stops. Every request is decided once, by its link's limit,
 * and both instances did part of it.
 */
class TwoInstancesOnWebhookTests {

    private static final int REQUESTS = Integer.getInteger("webhook.storm.requests", 300);
    private static final int[] LIMITS = {1, 5, 10, 0};
    private static final String SECRET = "two_instances-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long BOT = BotSandbox.BOT_ID;
    private static final SandboxUserbot USERBOT = new SandboxUserbot();

    private static RoundRobinForwarder balancer;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final List<String> instanceUrls = new ArrayList<>();

    private final SandboxClient sandbox = BotSandbox.client();

    private record Target(long roomId, long chatId, InviteLink link, int limit) {
    }

    /** The one userbot both instances call (its sessions must be shared, as the real userbot-service's are). */
    @Configuration(proxyBeanMethods = false)
    static class SharedUserbot {
        @Bean
        @Primary
        SandboxUserbot sandboxUserbot() {
            return USERBOT;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        balancer = new RoundRobinForwarder();
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BotApplication.class, SharedUserbot.class)
                    .run("--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                            "--spring.datasource.url=" + TestPostgres.jdbcUrl(), "--spring.datasource.username=postgres",
                            "--spring.datasource.password=", "--smetabot.bot.token=" + BotSandbox.TOKEN,
                            "--smetabot.bot.userbot-api-token=e2e",
                            "--smetabot.bot.telegram-api-url=" + BotSandbox.server().baseUrl(),
                            "--smetabot.bot.updates=webhook", "--smetabot.bot.webhook.secret=" + SECRET,
                            "--smetabot.bot.webhook.url=" + balancer.url("/telegram/webhook"),
                            "--smetabot.bot.join-requests.sweep-initial-delay=1s",
                            "--smetabot.bot.digests.check-interval=0s", "--logging.level.ru.smetabot=INFO");
            instances.add(context);
            String url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            instanceUrls.add(url);
            balancer.add(url);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        // The sandbox bot goes back to long polling for the other test classes of this JVM.
        telegram().execute(new DeleteWebhook());
        instances.forEach(ConfigurableApplicationContext::close);
        balancer.close();
    }

    @Test
    void aJoinRequestStormOverTwoInstancesIsDecidedOnceByPolicyWhileOneStops() throws Exception {
        JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
        long owner = BotSandbox.newUserId();
        String phone = "+7900" + owner;
        sandbox.createUser(owner, "Двое", null, "user" + owner, phone, null);
        USERBOT.connect(owner, phone);
        Message started = sandbox.sendText(owner, BOT, "/start");
        sandbox.awaitBotMessage(owner, BOT, "SmetaBot", started.messageId(), WAIT);
        List<Target> targets = targets(owner, jdbc);
        List<Long> users = new ArrayList<>();
        Map<Long, String> linkOf = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            long user = BotSandbox.newUserId();
            users.add(user);
            linkOf.put(user, targets.get(i % targets.size()).link().getLink());
        }
        ExecutorService requesters = Executors.newFixedThreadPool(4);
        long began = System.nanoTime();
        try {
            parallel(requesters, users, user -> sandbox.createUser(user, "Гость" + user, null));
            int half = REQUESTS / 2;
            parallel(requesters, users.subList(0, half), user ->
                    assertThat(sandbox.openInviteLink(user, linkOf.get(user)).outcome()).isEqualTo("requested"));
            // Instance 2 goes away mid-storm, once both have decided a quarter of the requests between them; the
            // balancer still sends it every other push (no health check), so Telegram's retries carry those to
            // instance 1.
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> decided(jdbc, targets) >= REQUESTS / 4);
            instances.get(1).close();
            parallel(requesters, users.subList(half, REQUESTS), user ->
                    assertThat(sandbox.openInviteLink(user, linkOf.get(user)).outcome()).isEqualTo("requested"));
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> telegram().execute(new GetWebhookInfo()).getPendingUpdatesCount() == 0);
            // What instance 2 took and could not finish is what the sweep of the instance left finds.
            instances.get(0).getBean(JoinRequestSweep.class).sweep();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> decided(jdbc, targets) == REQUESTS && pending(targets) == 0);
        } finally {
            requesters.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        Map<Long, Integer> perLink = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            perLink.merge(targets.get(i % targets.size()).link().getId(), 1, Integer::sum);
        }
        int approvedTotal = 0;
        for (Target t : targets) {
            int requests = perLink.get(t.link().getId());
            int approved = t.limit() == 0 ? requests : Math.min(requests, t.limit());
            assertThat(jdbc.sql("SELECT approved_count, declined_count FROM core.invites WHERE id = :id")
                    .param("id", t.link().getId()).query().singleRow())
                    .as("link %s (limit %d, %d requests)", t.link().getName(), t.limit(), requests)
                    .containsEntry("approved_count", approved).containsEntry("declined_count", requests - approved);
            approvedTotal += approved;
        }
        List<Long> roomIds = targets.stream().map(Target::roomId).distinct().toList();
        List<Long> decidedUsers = jdbc.sql("""
                SELECT (details->>'tg_user_id')::bigint FROM analytics.events
                 WHERE channel_id IN (:rooms) AND event_type IN ('invite_used', 'join_request_declined')""")
                .param("rooms", roomIds).query(Long.class).list();
        assertThat(decidedUsers).as("every request decided exactly once").hasSize(REQUESTS)
                .containsExactlyInAnyOrderElementsOf(users);
        Set<Long> activeInDb = new HashSet<>(jdbc.sql(
                        "SELECT tg_user_id FROM core.clients WHERE channel_id IN (:rooms) AND status = 'active'")
                .param("rooms", roomIds).query(Long.class).list());
        Set<Long> membersInTelegram = new HashSet<>();
        for (long chatId : targets.stream().map(Target::chatId).distinct().toList()) {
            sandbox.channel(chatId).members().stream().filter(m -> "member".equals(m.status()) && users.contains(m.userId()))
                    .forEach(m -> membersInTelegram.add(m.userId()));
        }
        assertThat(membersInTelegram).as("Telegram admitted exactly the approved").isEqualTo(activeInDb).hasSize(approvedTotal);
        int first = balancer.forwardedTo(instanceUrls.get(0));
        int second = balancer.forwardedTo(instanceUrls.get(1));
        assertThat(first).as("pushes handled by instance 1").isPositive();
        assertThat(second).as("pushes handled by instance 2").isPositive();
        System.out.printf("WEBHOOK STORM requests=%d approved=%d declined=%d pushes to instance 1=%d, 2=%d | wall %.1f s, "
                + "%.0f requests/s%n", REQUESTS, approvedTotal, REQUESTS - approvedTotal, first, second, seconds, REQUESTS / seconds);
    }

    private static OkHttpTelegramClient telegram() {
        return new OkHttpTelegramClient(BotSandbox.TOKEN, TelegramUrl.builder().schema("http").host("localhost")
                .port(BotSandbox.server().port()).testServer(false).build());
    }

    /** Two rooms made through the menu (so through both instances), five links each, limits 1, 5, 10, none. */
    private List<Target> targets(long owner, JdbcClient jdbc) {
        RoomRepository rooms = instances.get(0).getBean(RoomRepository.class);
        InviteLinks links = instances.get(1).getBean(InviteLinks.class);
        List<Target> targets = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            String title = "Двое " + r + " · " + owner;
            Message pressed = sandbox.pressReplyButton(owner, BOT, "🆕 Новый канал");
            sandbox.awaitBotMessage(owner, BOT, "Напишите название канала", pressed.messageId(), WAIT);
            Message sent = sandbox.sendText(owner, BOT, title);
            sandbox.awaitBotMessage(owner, BOT, "📌 " + title, sent.messageId(), WAIT);
            long chatId = jdbc.sql("""
                    SELECT c.tg_chat_id FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id
                     WHERE k.tg_user_id = :owner AND c.title = :title""")
                    .param("owner", owner).param("title", title).query(Long.class).single();
            Room room = rooms.findByTgChatId(chatId).orElseThrow();
            for (int l = 0; l < 5; l++) {
                int limit = LIMITS[targets.size() % LIMITS.length];
                targets.add(new Target(room.getId(), chatId, links.create(room, new LinkOptions("Двое " + r + "." + l, 7, limit)),
                        limit));
            }
        }
        return targets;
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

    private static int decided(JdbcClient jdbc, List<Target> targets) {
        return jdbc.sql("SELECT coalesce(sum(approved_count + declined_count), 0) FROM core.invites WHERE id IN (:ids)")
                .param("ids", targets.stream().map(t -> t.link().getId()).toList()).query(Integer.class).single();
    }

    private int pending(List<Target> targets) {
        return targets.stream().map(Target::chatId).distinct().mapToInt(chat -> sandbox.channel(chat).joinRequests().size()).sum();
    }
}
