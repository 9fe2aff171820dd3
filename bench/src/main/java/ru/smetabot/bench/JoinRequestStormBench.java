package ru.smetabot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.CallbackEdit;
import ru.smetabot.sandbox.client.SandboxTypes.JoinDecision;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Join-request storm against the bot process: rooms made as an owner makes them (a channel, the bot added
 * as admin), invite links with approval limits made through the bot's «🔗 Ссылки» screens, then
 * {@code requests} sandbox users opening them from {@code threads} threads as fast as the sandbox takes
 * them. Times are the sandbox's (request created → approved/declined). Fails when a request is left
 * undecided or is decided or recorded twice.
 */
final class JoinRequestStormBench {

    /** Approval limits of the links, in turn; 0 = unlimited. */
    static final int[] LIMITS = {1, 5, 10, 0};
    static final String[] HEADER = {"requests", "links (limits 1/5/10/∞)", "approved", "declined", "opened in s",
        "opened/s", "first request → last decision s", "decided/s", "p50 ms", "p99 ms", "max ms", "pending", "lost",
        "duplicates", "repeat decide calls"};
    private static final Pattern LINK = Pattern.compile("https://t\\.me/\\+[A-Za-z0-9_-]+");
    private static final long FIRST_USER = 720_000_000L;
    /** The storm fails when no decision is made for this long. */
    private static final long STALL_MS = 180_000;

    record Link(long roomId, long chatId, String url, int limit) {
    }

    private final SuiteUnderBench suite;
    private final SandboxClient sandbox;
    private final int requests;
    private final int rooms;
    private final int linksPerRoom;
    private final int threads;
    private final int failClientInsertsOneIn;
    /** Requests per second when paced (--rate), 0 = as fast as the threads go. */
    private final int rate;
    final List<String> problems = new ArrayList<>();
    double decidedPerSecond;
    long p50Ms;
    long p99Ms;
    /** Paced: the bench's own lateness opening requests (p99 ms), and requests undecided when the last was opened. */
    long openLagP99Ms;
    long backlogAtLastOpen;

    /**
     * @param failClientInsertsOneIn when positive, one insert into {@code core.clients} in this many fails (a database
     *                               trigger the bench installs), i.e. after Telegram approved: the join-decision
     *                               reconciliation and the update retries must still record everyone
     */
    JoinRequestStormBench(SuiteUnderBench suite, int requests, int rooms, int linksPerRoom, int threads,
            int failClientInsertsOneIn, int rate) {
        this.rate = rate;
        this.suite = suite;
        this.sandbox = suite.sandbox();
        this.requests = requests;
        this.rooms = rooms;
        this.linksPerRoom = linksPerRoom;
        this.threads = threads;
        this.failClientInsertsOneIn = failClientInsertsOneIn;
    }

    /** The environment the bot needs for the fault run: sweeps (and so the reconciliation) every 20 s. */
    static Map<String, String> faultEnvironment(int failClientInsertsOneIn) {
        return failClientInsertsOneIn <= 0 ? Map.of()
                : Map.of("JOIN_REQUEST_SWEEP_INTERVAL", "20s", "JOIN_DECISION_RECONCILE_AFTER", "20s");
    }

    String[] run() throws Exception {
        if (failClientInsertsOneIn > 0) {
            installClientInsertFault();
        }
        BotUser owner = BotUser.started(sandbox, FIRST_USER, "Storm owner");
        // As in production the sweep reads pending requests through the owner's connected account.
        RefreshScenario.connectToUserbot(suite, owner.id, BotUser.phone(owner.id));
        List<Link> links = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            long chat = sandbox.createChannel(owner.id, "Storm room " + r).id();
            sandbox.addAdmin(chat, SuiteUnderBench.BOT_ID);
            links.addAll(makeLinks(owner, awaitRoom(chat), chat, r));
        }
        System.out.println("storm: " + links.size() + " links made through the bot; creating " + requests + " users...");
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            users.add(FIRST_USER + 1 + i);
        }
        parallel(16, users, user -> sandbox.createUser(user, "Guest" + user, "guest" + user));

        System.out.println("storm: " + requests + " join requests from " + threads + " threads...");
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        long opening = System.nanoTime();
        LongConsumer open = user -> {
            Link link = links.get((int) ((user - FIRST_USER - 1) % links.size()));
            String outcome = sandbox.openInviteLink(user, link.url()).outcome();
            if (!"requested".equals(outcome)) {
                refused.add(user + ": " + outcome);
            }
        };
        if (rate > 0) {
            paced(users, open);
            backlogAtLastOpen = requests - decidedSoFar(links);
        } else {
            parallel(threads, users, open);
        }
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        if (failClientInsertsOneIn > 0) {
            System.out.println("storm: client inserts failed by the fault so far: " + injectedFaults());
        }
        refused.stream().limit(5).forEach(r -> problems.add("opening a link did not make a join request: " + r));
        awaitDecided(links);
        if (failClientInsertsOneIn > 0) {
            System.out.println("storm: client inserts failed by the fault: " + injectedFaults()
                    + " (one in " + failClientInsertsOneIn + "); every open join decision reconciled");
        }
        return verify(links, users, openSeconds);
    }

    /** Through the bot: «🔗 Ссылки» → the room → «➕ Новая ссылка» → name → 7 days → limit, per link. */
    private List<Link> makeLinks(BotUser owner, long roomId, long chat, int room) {
        List<Link> made = new ArrayList<>();
        Message screen = owner.press(owner.tap("🔗 Ссылки", "Ссылки-приглашения"), "ch:" + roomId + ":links").message();
        for (int l = 0; l < linksPerRoom; l++) {
            int limit = LIMITS[(room * linksPerRoom + l) % LIMITS.length];
            owner.press(screen, "lk:" + roomId + ":new");
            Message expiry = owner.say("Storm " + room + "." + l, "сколько будет действовать");
            Message limits = owner.press(expiry, "lk:" + roomId + ":exp:7").message();
            Message created = owner.press(limits, "lk:" + roomId + ":lim:7:" + limit).message();
            Matcher url = LINK.matcher(created.text());
            if (!url.find()) {
                throw new IllegalStateException("the bot did not show a link: " + created.text());
            }
            made.add(new Link(roomId, chat, url.group(), limit));
            screen = owner.press(created, "ch:" + roomId + ":links").message();
        }
        return made;
    }

    /** The room id once the bot has adopted the channel (its my_chat_member update). */
    private long awaitRoom(long chat) throws Exception {
        long deadline = System.currentTimeMillis() + BotUser.WAIT.toMillis();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT id FROM core.channels WHERE tg_chat_id = ?")) {
            s.setLong(1, chat);
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the bot did not adopt channel " + chat);
    }

    /**
     * A trigger failing every {@code failClientInsertsOneIn}-th insert into core.clients (counted by a sequence), as
     * a database error right after Telegram approved would. Installed before the storm, on the suite's database.
     */
    private void installClientInsertFault() throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl())) {
            c.createStatement().execute("CREATE SEQUENCE IF NOT EXISTS public.bench_client_inserts");
            c.createStatement().execute("""
                    CREATE OR REPLACE FUNCTION public.bench_fail_client_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF mod(nextval('public.bench_client_inserts'), %d) = 0 THEN
                            RAISE EXCEPTION 'bench fault: this client insert fails (one in %d)';
                        END IF;
                        RETURN NEW;
                    END $$""".formatted(failClientInsertsOneIn, failClientInsertsOneIn));
            c.createStatement().execute("DROP TRIGGER IF EXISTS bench_fail_client_insert ON core.clients");
            c.createStatement().execute("CREATE TRIGGER bench_fail_client_insert BEFORE INSERT ON core.clients"
                    + " FOR EACH ROW EXECUTE FUNCTION public.bench_fail_client_insert()");
        }
    }

    private long injectedFaults() throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl());
                ResultSet rs = c.createStatement().executeQuery("SELECT last_value, is_called FROM public.bench_client_inserts")) {
            rs.next();
            return rs.getBoolean(2) ? rs.getLong(1) / failClientInsertsOneIn : 0;
        }
    }

    /**
     * Until the links' counters add up to every request and no join decision is left open (an approval reserves
     * its slot when decided, so the counters add up before a failed record is reconciled); fails when nothing
     * moves for STALL_MS.
     */
    private void awaitDecided(List<Link> links) throws Exception {
        String ids = String.join(",", links.stream().map(l -> "'" + l.url() + "'").toList());
        long last = -1;
        long progressAt = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(approved_count + declined_count), 0),"
                        + " (SELECT count(*) FROM core.join_decisions WHERE state = 'decided')"
                        + " FROM core.invites WHERE invite_link IN (" + ids + ")")) {
            while (true) {
                long decided;
                long open;
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    decided = rs.getLong(1);
                    open = rs.getLong(2);
                }
                if (decided >= requests && open == 0) {
                    return;
                }
                if (decided * 1_000_000 - open != last) {
                    last = decided * 1_000_000 - open;
                    progressAt = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - progressAt > STALL_MS) {
                    problems.add("LOSS: only " + decided + " of " + requests + " requests decided; none for "
                            + STALL_MS / 1000 + " s");
                    return;
                }
                Thread.sleep(200);
            }
        }
    }

    private String[] verify(List<Link> links, List<Long> users, double openSeconds) throws SQLException {
        Map<String, Link> byUrl = new HashMap<>();
        links.forEach(l -> byUrl.put(l.url(), l));
        Map<String, Integer> asked = new HashMap<>();
        for (long user : users) {
            asked.merge(links.get((int) ((user - FIRST_USER - 1) % links.size())).url(), 1, Integer::sum);
        }
        List<JoinDecision> decisions = new ArrayList<>();
        int pending = 0;
        for (long chat : links.stream().map(Link::chatId).distinct().toList()) {
            decisions.addAll(sandbox.joinDecisions(chat));
            pending += sandbox.channel(chat).joinRequests().size();
        }
        Set<Long> decidedUsers = new HashSet<>();
        Set<Long> approvedInTelegram = new HashSet<>();
        Map<String, Integer> approvedPerLink = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long lastDecision = 0;
        int repeats = 0;
        for (JoinDecision d : decisions) {
            decidedUsers.add(d.userId());
            latencies.add(d.decidedAtMs() - d.requestedAtMs());
            first = Math.min(first, d.requestedAtMs());
            lastDecision = Math.max(lastDecision, d.decidedAtMs());
            repeats += d.laterAttempts();
            if ("approved".equals(d.outcome())) {
                approvedInTelegram.add(d.userId());
                approvedPerLink.merge(d.inviteLink(), 1, Integer::sum);
            }
        }
        latencies.sort(null);
        Set<Long> lost = new HashSet<>(users);
        lost.removeAll(decidedUsers);
        if (pending > 0) {
            problems.add("LOSS: " + pending + " join requests still pending in Telegram");
        }
        if (!lost.isEmpty()) {
            problems.add("LOSS: " + lost.size() + " requests never decided, e.g. users " + lost.stream().limit(5).toList());
        }
        for (Link link : links) {
            int n = asked.getOrDefault(link.url(), 0);
            int expected = link.limit() == 0 ? n : Math.min(n, link.limit());
            int approved = approvedPerLink.getOrDefault(link.url(), 0);
            if (approved != expected) {
                problems.add("POLICY: link with limit " + link.limit() + " and " + n + " requests approved " + approved
                        + " in Telegram, expected " + expected);
            }
        }
        long duplicates = checkDatabase(links, asked, approvedInTelegram);
        double span = (lastDecision - first) / 1000.0;
        decidedPerSecond = decisions.size() / span;
        p50Ms = Percentiles.of(latencies, 50);
        p99Ms = Percentiles.of(latencies, 99);
        return new String[] {Integer.toString(requests), links.size() + " in " + rooms + " rooms",
            Integer.toString(approvedInTelegram.size()), Integer.toString(decisions.size() - approvedInTelegram.size()),
            ViewsRefreshBench.f("%.1f", openSeconds), ViewsRefreshBench.f("%.0f", requests / openSeconds),
            ViewsRefreshBench.f("%.1f", span), ViewsRefreshBench.f("%.0f", decisions.size() / span),
            Long.toString(Percentiles.of(latencies, 50)), Long.toString(Percentiles.of(latencies, 99)),
            Long.toString(latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1)), Integer.toString(pending),
            Integer.toString(lost.size()), Long.toString(duplicates), Integer.toString(repeats)};
    }

    /**
     * The bot's bookkeeping: per link the counters match Telegram's decisions, one client row per (room,
     * user), one decision event per user, and the active clients are exactly the users Telegram admitted.
     * Returns the number of duplicate rows or events found.
     */
    private long checkDatabase(List<Link> links, Map<String, Integer> asked, Set<Long> approvedInTelegram)
            throws SQLException {
        String roomIds = String.join(",", links.stream().map(l -> Long.toString(l.roomId())).distinct().toList());
        long duplicates = 0;
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl())) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT invite_link, approved_count, declined_count FROM core.invites WHERE channel_id IN (" + roomIds + ")")) {
                while (rs.next()) {
                    int n = asked.getOrDefault(rs.getString(1), 0);
                    if (rs.getInt(2) + rs.getInt(3) != n) {
                        problems.add("COUNTERS: link " + rs.getString(1) + " counts " + rs.getInt(2) + " approved + "
                                + rs.getInt(3) + " declined for " + n + " requests");
                    }
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT (channel_id, tg_user_id))"
                    + " FROM core.clients WHERE channel_id IN (" + roomIds + ")")) {
                rs.next();
                duplicates += rs.getLong(1) - rs.getLong(2);
                if (rs.getLong(1) != approvedInTelegram.size()) {
                    problems.add("CLIENTS: " + rs.getLong(1) + " client rows for " + approvedInTelegram.size() + " approvals");
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT details->>'tg_user_id')"
                    + " FROM analytics.events WHERE channel_id IN (" + roomIds + ")"
                    + " AND event_type IN ('invite_used', 'join_request_declined')")) {
                rs.next();
                duplicates += rs.getLong(1) - rs.getLong(2);
                if (rs.getLong(2) != requests) {
                    problems.add("EVENTS: decision events for " + rs.getLong(2) + " users, " + requests + " requests made");
                }
            }
            Set<Long> active = new HashSet<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT tg_user_id FROM core.clients WHERE channel_id IN ("
                    + roomIds + ") AND status = 'active'")) {
                while (rs.next()) {
                    active.add(rs.getLong(1));
                }
            }
            if (!active.equals(approvedInTelegram)) {
                problems.add("CLIENTS: active clients in the database differ from the users Telegram admitted ("
                        + active.size() + " vs " + approvedInTelegram.size() + ")");
            }
        }
        if (duplicates > 0) {
            problems.add("DUPLICATES: " + duplicates + " duplicate client rows or decision events");
        }
        return duplicates;
    }

    /** Opens request i at start + i/rate s on the threads; records how late each was sent (the bench's own lag). */
    private void paced(List<Long> users, LongConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> lags = new ArrayList<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < users.size(); i++) {
                long due = start + (long) (i * 1e9 / rate);
                long early = due - System.nanoTime();
                if (early > 0) {
                    TimeUnit.NANOSECONDS.sleep(early);
                }
                long user = users.get(i);
                running.add(pool.submit(() -> {
                    synchronized (lags) {
                        lags.add((System.nanoTime() - due) / 1_000_000);
                    }
                    action.accept(user);
                }));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        lags.sort(null);
        openLagP99Ms = Percentiles.of(lags, 99);
    }

    private long decidedSoFar(List<Link> links) throws SQLException {
        String ids = String.join(",", links.stream().map(l -> "'" + l.url() + "'").toList());
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl()); ResultSet rs = c.createStatement().executeQuery(
                "SELECT coalesce(sum(approved_count + declined_count), 0) FROM core.invites WHERE invite_link IN (" + ids + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void parallel(int threads, List<Long> users, LongConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (long user : users) {
                running.add(pool.submit(() -> action.accept(user)));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
    }
}
