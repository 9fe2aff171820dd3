package ru.smetabot.local.acceptance;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ru.smetabot.local.LocalSuite;
import ru.smetabot.local.SuiteSettings;
import ru.smetabot.sandbox.client.SandboxClient;

/**
 * The running suite as people and operators reach it: the sandbox (acting as Telegram users), the
 * userbot's and worker's REST APIs and /metrics (as an operator with curl), the database (to look,
 * never to set up what a person could not), and the services' logs.
 */
public final class Suite implements AutoCloseable {

    /** The sandbox's one sign-in code (telegram-sandbox README, "Test codes"). */
    static final String LOGIN_CODE = "12345";

    private static final AtomicLong USER_IDS = new AtomicLong(500_000_000L);

    private final LocalSuite local;
    private final SandboxClient sandbox;
    private final ServiceHttp http = new ServiceHttp();

    Suite(LocalSuite local) {
        this.local = local;
        this.sandbox = new SandboxClient(local.sandboxUrl());
    }

    public LocalSuite local() {
        return local;
    }

    SandboxClient sandbox() {
        return sandbox;
    }

    SuiteSettings.Ports ports() {
        return local.settings().ports();
    }

    long botId() {
        String token = local.settings().botToken();
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    static long newUserId() {
        return USER_IDS.incrementAndGet();
    }

    /** A userbot API call, as the bot and the worker make it (bearer USERBOT_API_TOKEN). */
    ServiceHttp.Reply userbot(String method, String path, Map<String, ?> body) {
        return http.call(method, "http://localhost:" + ports().userbot() + path, local.settings().apiToken(), body);
    }

    /** The worker's manual control (bearer WORKER_API_TOKEN, its own token). */
    ServiceHttp.Reply worker(String method, String path) {
        return http.call(method, "http://localhost:" + ports().worker() + path, local.settings().workerApiToken(), null);
    }

    /** A Bot API call made with the bot's own token (what the bot would do; used only for set-up issue 7 lacks). */
    ServiceHttp.Reply botApi(String method, Map<String, ?> body) {
        return http.call("POST", local.sandboxUrl() + "/bot" + local.settings().botToken() + "/" + method, null, body);
    }

    /** Prometheus text of a service's /metrics. */
    String metrics(int metricsPort) {
        return http.call("GET", "http://localhost:" + metricsPort + "/metrics", null, null).body();
    }

    /** The body of a service's /health (on its metrics port). */
    String health(int metricsPort) {
        return http.call("GET", "http://localhost:" + metricsPort + "/health", null, null).body();
    }

    /** Sum of the samples of one series, over the label sets containing {@code labelPart} ("" for all). */
    static double metric(String prometheusText, String series, String labelPart) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(series + "{") || line.startsWith(series + " ")) {
                if (line.contains(labelPart)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    String log(String service) {
        try {
            return Files.readString(local.logFile(service), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a read-only query, each as its column values in order. */
    List<List<Object>> query(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(local.databaseUrl(), "postgres", "");
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long queryLong(String sql, Object... params) {
        List<List<Object>> rows = query(sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows + " from " + sql);
        }
        return ((Number) rows.get(0).get(0)).longValue();
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stops every process, then removes the temporary data folder (database, sessions, logs). */
    @Override
    public void close() throws IOException {
        local.close();
        try (var paths = Files.walk(local.settings().dataDir())) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
