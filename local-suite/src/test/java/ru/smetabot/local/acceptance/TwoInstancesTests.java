package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
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
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.smetabot.local.LocalSuite;
import ru.smetabot.local.SuiteSettings;

/**
 * {@code LOCAL_INSTANCES=2 ./run-local}: two bots on webhooks behind the local proxy, two workers, two userbots
 * behind theirs, one database. A storm of join requests over links with approval limits while one bot instance is
 * killed (SIGKILL): every request is decided once, by its link's limit, and Telegram admits exactly the approved.
 * Then the userbot instance holding the owner's account is killed and the account keeps working through the other.
 * Meanwhile each periodic job runs once per period across the instances (the bot's sweep and member
 * reconciliation in {@code core.job_runs}, the worker's views refresh in {@code analytics.refresh_runs}).
 */
class TwoInstancesTests {

    private static final int REQUESTS = Integer.getInteger("two.instances.requests", 2_000);
    private static final String[] LIMITS = {"1", "5", "10", "Без лимита"};
    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Duration RECONCILE = Duration.ofSeconds(15);
    private static final Duration DECIDED_WITHIN = Duration.ofMinutes(10);

    private record Target(long roomId, long chatId, String link, long linkId, int limit) {
    }

    @Test
    void aJoinStormWhileABotInstanceIsKilledIsDecidedOnceAndPeriodicJobsRunOncePerPeriod(@TempDir Path dataDir)
            throws Exception {
        Map<String, String> env = new HashMap<>(SharedSuite.environment(dataDir, 2));
        env.put("JOIN_REQUEST_SWEEP_INTERVAL", SWEEP.toSeconds() + "s");
        env.put("MEMBER_RECONCILE_INTERVAL", RECONCILE.toSeconds() + "s");
        env.put("USERBOT_LEASE_TTL", "10s");
        long began = System.nanoTime();
        Suite suite = new Suite(LocalSuite.startQuietly(SuiteSettings.fromEnvironment(env)));
        System.out.printf("TWO INSTANCES start %.0f s%n", (System.nanoTime() - began) / 1e9);
        ExecutorService people = Executors.newFixedThreadPool(6);
        try {
            Contractor owner = Contractor.signUp(suite, "Двое");
            owner.connectAccount();
            List<Target> targets = targets(suite, owner);
            List<Long> users = new ArrayList<>();
            Map<Long, Target> targetOf = new HashMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                long user = Suite.newUserId();
                users.add(user);
                targetOf.put(user, targets.get(i % targets.size()));
            }
            parallel(people, users, user -> suite.sandbox().createUser(user, "Гость", "guest" + user));

            long storm = System.nanoTime();
            int half = REQUESTS / 2;
            parallel(people, users.subList(0, half), user -> assertThat(suite.sandbox()
                    .openInviteLink(user, targetOf.get(user).link()).outcome()).isEqualTo("requested"));
            // Bot instance 1 crashes mid-storm: the proxy still sends it every other push, finds it refusing
            // connections and hands the push to instance 2; what instance 1 took and did not finish is left to
            // instance 2's sweep and retries.
            await().atMost(DECIDED_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> decided(suite, targets) >= REQUESTS / 4);
            suite.local().kill(suite.local().instanceName("bot", 1));
            parallel(people, users.subList(half, REQUESTS), user -> assertThat(suite.sandbox()
                    .openInviteLink(user, targetOf.get(user).link()).outcome()).isEqualTo("requested"));
            await().atMost(DECIDED_WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> decided(suite, targets) == REQUESTS && pending(suite, targets) == 0);
            double seconds = (System.nanoTime() - storm) / 1e9;

            int approved = assertDecidedOnceByLimit(suite, targets, users, targetOf);
            int[] pushes = pushesPerBot(suite);
            assertThat(pushes[0]).as("pushes bot instance 1 answered before it was killed").isPositive();
            assertThat(pushes[1]).as("pushes bot instance 2 answered").isPositive();
            System.out.printf("TWO INSTANCES storm requests=%d approved=%d declined=%d pushes bot-1=%d bot-2=%d "
                    + "| %.1f s, %.0f requests/s%n", REQUESTS, approved, REQUESTS - approved, pushes[0], pushes[1],
                    seconds, REQUESTS / seconds);

            assertTheAccountOutlivesItsUserbotInstance(suite, owner, targets.get(0));
            assertPeriodicJobsRanOncePerPeriod(suite);
        } finally {
            people.shutdownNow();
            suite.close();
            System.out.printf("TWO INSTANCES whole test %.0f s%n", (System.nanoTime() - began) / 1e9);
        }
    }

    /** Two rooms with a file each (so the worker's cycles refresh them), four links each: limits 1, 5, 10, none. */
    private static List<Target> targets(Suite suite, Contractor owner) {
        List<Target> targets = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            String room = "Двое " + r + " · " + owner.id();
            long chatId = owner.createRoom(room);
            owner.publish(room, "plan-" + r + ".pdf");
            long roomId = suite.queryLong("SELECT id FROM core.channels WHERE tg_chat_id = ?", chatId);
            for (int l = 0; l < LIMITS.length; l++) {
                String name = "Двое " + r + "." + l;
                String link = owner.createLink(room, name, LIMITS[l]);
                long linkId = suite.queryLong("SELECT id FROM core.invites WHERE channel_id = ? AND name = ?", roomId, name);
                targets.add(new Target(roomId, chatId, link, linkId, l == LIMITS.length - 1 ? 0 : Integer.parseInt(LIMITS[l])));
            }
        }
        return targets;
    }

    /** Each link's counts are its limit exactly; each person decided once; Telegram admitted exactly the approved. */
    private static int assertDecidedOnceByLimit(Suite suite, List<Target> targets, List<Long> users,
            Map<Long, Target> targetOf) {
        int approvedTotal = 0;
        for (Target t : targets) {
            long requests = users.stream().filter(u -> targetOf.get(u) == t).count();
            long approved = t.limit() == 0 ? requests : Math.min(requests, t.limit());
            assertThat(suite.query("SELECT approved_count, declined_count FROM core.invites WHERE id = ?", t.linkId()))
                    .as("link %d (limit %d, %d requests)", t.linkId(), t.limit(), requests)
                    .containsExactly(List.of((int) approved, (int) (requests - approved)));
            approvedTotal += (int) approved;
        }
        List<Long> roomIds = targets.stream().map(Target::roomId).distinct().toList();
        List<Long> decided = new ArrayList<>();
        for (long roomId : roomIds) {
            suite.query("SELECT (details->>'tg_user_id')::bigint FROM analytics.events WHERE channel_id = ?"
                    + " AND event_type IN ('invite_used', 'join_request_declined')", roomId)
                    .forEach(row -> decided.add(((Number) row.get(0)).longValue()));
        }
        assertThat(decided).as("every request decided exactly once").hasSize(REQUESTS)
                .containsExactlyInAnyOrderElementsOf(users);
        Set<Long> active = new HashSet<>();
        Set<Long> members = new HashSet<>();
        Set<Long> guests = new HashSet<>(users);
        for (long roomId : roomIds) {
            suite.query("SELECT tg_user_id FROM core.clients WHERE channel_id = ? AND status = 'active'", roomId)
                    .forEach(row -> active.add(((Number) row.get(0)).longValue()));
        }
        targets.stream().map(Target::chatId).distinct().forEach(chat -> suite.sandbox().channel(chat).members().stream()
                .filter(m -> "member".equals(m.status()) && guests.contains(m.userId())).forEach(m -> members.add(m.userId())));
        active.retainAll(guests);
        assertThat(members).as("Telegram admitted exactly the approved").isEqualTo(active).hasSize(approvedTotal);
        return approvedTotal;
    }

    /**
     * The userbot instance holding the owner's account (its lease) is killed (SIGKILL): the other instance takes the
     * account over once the lease expires, and the room's views refresh — the owner's button through the bot and
     * the worker's periodic run, both reaching the userbots through their proxy — reads a new view.
     */
    private static void assertTheAccountOutlivesItsUserbotInstance(Suite suite, Contractor owner, Target target) {
        List<List<Object>> readers = suite.query("SELECT tg_user_id FROM core.clients WHERE channel_id = ?"
                + " AND status = 'active' ORDER BY tg_user_id LIMIT 2", target.roomId());
        String room = "Двое 0 · " + owner.id();
        suite.sandbox().readChannel(target.chatId(), ((Number) readers.get(0).get(0)).longValue());
        owner.refreshUntil(owner.openCard(room), "plan-0.pdf — 👁 1");
        String holder = (String) suite.query("SELECT instance_id FROM core.userbot_leases WHERE account_id = ?"
                + " AND released_at IS NULL", owner.id()).get(0).get(0);
        assertThat(holder).as("the account's lease holder").isIn("userbot-1", "userbot-2");
        double killedAt = ((Number) suite.query("SELECT extract(epoch FROM now()) * 1000").get(0).get(0)).doubleValue();
        try {
            suite.local().kill(holder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        suite.sandbox().readChannel(target.chatId(), ((Number) readers.get(1).get(0)).longValue());

        assertThat(owner.refreshUntil(owner.openCard(room), "plan-0.pdf — 👁 2").text()).contains("plan-0.pdf — 👁 2");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> suite.queryLong(
                "SELECT count(*) FROM analytics.refresh_runs WHERE channel_id = ? AND outcome = 'refreshed'"
                        + " AND trigger = 'periodic' AND extract(epoch FROM started_at) * 1000 > ?",
                target.roomId(), killedAt) > 0);
        assertThat(suite.query("SELECT instance_id FROM core.userbot_leases WHERE account_id = ?", owner.id()))
                .as("the account moved to the other instance").containsExactly(List.of(holder.equals("userbot-1")
                        ? "userbot-2" : "userbot-1"));
        System.out.printf("TWO INSTANCES %s killed: the account moved to the other userbot, views refreshed%n", holder);
    }

    /**
     * Once per period across instances: consecutive runs of each bot job start at least 90% of the period apart
     * (except an instance's first run, the sweep right after its start, which runs regardless); the worker's
     * cycles never overlap, refresh each room at most once, and there are no more of them than periods passed.
     */
    private static void assertPeriodicJobsRanOncePerPeriod(Suite suite) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> suite.queryLong(
                "SELECT count(*) FROM core.job_runs WHERE job = 'member-reconciliation'") >= 2);
        for (Map.Entry<String, Duration> job : Map.of("join-request-sweep", SWEEP, "member-reconciliation", RECONCILE)
                .entrySet()) {
            List<List<Object>> runs = suite.query("SELECT instance, extract(epoch FROM started_at) * 1000"
                    + " FROM core.job_runs WHERE job = ? ORDER BY started_at", job.getKey());
            assertThat(runs).as(job.getKey() + " runs").hasSizeGreaterThanOrEqualTo(2);
            Set<Object> seen = new HashSet<>();
            double previous = Double.NEGATIVE_INFINITY;
            for (List<Object> run : runs) {
                double started = ((Number) run.get(1)).doubleValue();
                boolean firstOfItsInstance = seen.add(run.get(0));
                if (!firstOfItsInstance) {
                    assertThat(started - previous).as("%s: gap between runs, all %s", job.getKey(), runs)
                            .isGreaterThanOrEqualTo(job.getValue().toMillis() * 0.9 - 1);
                }
                previous = started;
            }
        }
        long interval = Duration.parse("PT" + SharedSuite.REFRESH_INTERVAL.toUpperCase()).toMillis();
        List<List<Object>> cycles = suite.query("""
                SELECT cycle_id, count(*), count(DISTINCT channel_id), extract(epoch FROM min(started_at)) * 1000,
                       extract(epoch FROM max(finished_at)) * 1000, bool_and(finished_at IS NOT NULL)
                  FROM analytics.refresh_runs WHERE trigger = 'periodic' GROUP BY cycle_id ORDER BY min(started_at)""");
        assertThat(cycles).as("the worker's periodic cycles").hasSizeGreaterThanOrEqualTo(3);
        double previousEnd = Double.NEGATIVE_INFINITY;
        for (List<Object> cycle : cycles) {
            assertThat(cycle.get(1)).as("each room once in cycle %s", cycle).isEqualTo(cycle.get(2));
            double start = ((Number) cycle.get(3)).doubleValue();
            assertThat(start).as("cycle %s starts after the previous one ended", cycle).isGreaterThanOrEqualTo(previousEnd);
            previousEnd = Boolean.TRUE.equals(cycle.get(5)) ? ((Number) cycle.get(4)).doubleValue() : previousEnd;
        }
        double first = ((Number) cycles.get(0).get(3)).doubleValue();
        double last = ((Number) cycles.get(cycles.size() - 1).get(3)).doubleValue();
        // One cycle per fire of the clustered trigger. A fire that comes while a cycle still runs (the one waiting for
        // the killed userbot's lease, say) waits for it (@DisallowConcurrentExecution) and starts late, right after
        // it, so one pair of cycles may be closer than a period: hence + 2. Both workers running each fire would
        // double the count.
        assertThat((long) cycles.size()).as("cycles against the periods between the first and the last")
                .isLessThanOrEqualTo((long) Math.floor((last - first) / interval) + 2);
    }

    private static int[] pushesPerBot(Suite suite) {
        SuiteSettings settings = suite.local().settings();
        int[] pushes = new int[2];
        for (int k = 1; k <= 2; k++) {
            pushes[k - 1] = suite.local().proxy("bot").servedBy(URI.create("http://" + settings.host() + ":"
                    + settings.instancePorts(k).bot()));
        }
        return pushes;
    }

    private static long decided(Suite suite, List<Target> targets) {
        long sum = 0;
        for (Target t : targets) {
            sum += suite.queryLong("SELECT approved_count + declined_count FROM core.invites WHERE id = ?", t.linkId());
        }
        return sum;
    }

    private static int pending(Suite suite, List<Target> targets) {
        return targets.stream().map(Target::chatId).distinct()
                .mapToInt(chat -> suite.sandbox().channel(chat).joinRequests().size()).sum();
    }

    private static void parallel(ExecutorService pool, List<Long> users, LongConsumer action) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (long user : users) {
            running.add(pool.submit(() -> action.accept(user)));
        }
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
    }
}
