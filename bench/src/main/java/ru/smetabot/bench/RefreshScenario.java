package ru.smetabot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ru.smetabot.sandbox.client.MtprotoClient;
import ru.smetabot.sandbox.client.SandboxClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One views-refresh scenario: {@code rooms} channels of {@code posts} posts each in the sandbox,
 * owned by up to 10 connected accounts, recorded in the database as the bot would have; every post
 * read once by its owner so each refresh has a changed count to write. The posts go in through the
 * sandbox's bulk control API ({@code POST /channels/{id}/posts:bulk}), 4 rooms at a time.
 */
final class RefreshScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static long nextUser = 700_000_000L;
    /** The sandbox serialises on one lock; a few threads keep it busy while the bench builds requests. */
    private static final int SEED_THREADS = 4;
    private static final int BULK = 10_000;

    final int rooms;
    final int posts;
    final List<Long> roomIds = new ArrayList<>();
    private final SuiteUnderBench suite;
    private final SandboxClient sandbox;
    double seedSeconds;
    int[][] messageIds;

    RefreshScenario(SuiteUnderBench suite, int rooms, int posts) {
        this.suite = suite;
        this.rooms = rooms;
        this.posts = posts;
        this.sandbox = new SandboxClient(suite.url("SANDBOX_PORT"));
    }

    long totalPosts() {
        return (long) rooms * posts;
    }

    /** Σ ceil(posts / idsPerCall) over the rooms: calls of at most idsPerCall ids per room. */
    long expectedCalls(int idsPerCall) {
        return (long) rooms * ((posts + idsPerCall - 1) / idsPerCall);
    }

    void seed() throws Exception {
        long start = System.nanoTime();
        int accounts = Math.min(rooms, 10);
        long[] owners = new long[accounts];
        String[] sessions = new String[accounts];
        MtprotoClient mtproto = sandbox.mtproto();
        for (int a = 0; a < accounts; a++) {
            owners[a] = nextUser++;
            String phone = "+7998" + owners[a];
            sandbox.createUser(owners[a], "Owner" + a, null, "bench" + owners[a], phone, null);
            sessions[a] = mtproto.login(phone, "12345", null);
            connectToUserbot(suite, owners[a], phone);
        }
        long[] chats = new long[rooms];
        messageIds = new int[rooms][];
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                int room = r;
                done.add(pool.submit(() -> {
                    chats[room] = mtproto.createChannel(sessions[room % accounts], "bench room " + room);
                    messageIds[room] = postAll(chats[room], owners[room % accounts]);
                    sandbox.readChannel(chats[room], owners[room % accounts]);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        record(owners, chats, messageIds);
        seedSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** The room's posts through the sandbox's bulk control API, at most its per-call maximum at a time. */
    private int[] postAll(long chat, long owner) {
        int[] ids = new int[posts];
        for (int from = 0; from < posts; from += BULK) {
            int[] made = sandbox.postManyToChannel(chat, owner, Math.min(BULK, posts - from), "estimate");
            System.arraycopy(made, 0, ids, from, made.length);
        }
        return ids;
    }

    /** Signs the account in to the userbot as the bot's connect page does (the sandbox's login code). */
    static void connectToUserbot(SuiteUnderBench suite, long account, String phone) throws Exception {
        Map<String, Object> started = post(suite.url("USERBOT_PORT") + "/session/login/start",
                Map.of("account", account, "phone", phone));
        Map<String, Object> code = post(suite.url("USERBOT_PORT") + "/session/login/code",
                Map.of("loginId", started.get("loginId"), "code", "12345"));
        if (!"ready".equals(code.get("state"))) {
            throw new IllegalStateException("login of " + account + " ended in " + code);
        }
    }

    /** What the bot would have recorded: contractors, rooms with their reading account, the posts. */
    private void record(long[] owners, long[] chats, int[][] messageIds) throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl())) {
            c.setAutoCommit(false);
            long[] contractorIds = new long[owners.length];
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO core.contractors (tg_user_id) VALUES (?) RETURNING id")) {
                for (int a = 0; a < owners.length; a++) {
                    s.setLong(1, owners[a]);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        contractorIds[a] = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO core.channels (contractor_id, tg_chat_id, title,"
                    + " userbot_account_id) VALUES (?, ?, ?, ?) RETURNING id")) {
                for (int r = 0; r < chats.length; r++) {
                    s.setLong(1, contractorIds[r % owners.length]);
                    s.setLong(2, chats[r]);
                    s.setString(3, "bench room " + r);
                    s.setLong(4, owners[r % owners.length]);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        roomIds.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO core.publications (channel_id, message_id, file_name) VALUES (?, ?, ?)")) {
                for (int r = 0; r < chats.length; r++) {
                    for (int id : messageIds[r]) {
                        s.setLong(1, roomIds.get(r));
                        s.setLong(2, id);
                        s.setString(3, "smeta-" + id + ".pdf");
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE core.publications");
        }
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static Map<String, Object> post(String url, Map<String, ?> body) throws Exception {
        return post(url, SuiteUnderBench.API_TOKEN, body);
    }

    static Map<String, Object> post(String url, String bearer, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer);
        request = body == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), Map.class);
        return json;
    }
}
