package ru.smetabot.userbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbot.ApiTestSupport;

/**
 * Fuzzing the userbot's REST API over HTTP: malformed JSON, wrong types, missing fields, bad or no
 * bearer, oversized arrays and bodies, non-positive ids, unknown paths. Every one is refused with a
 * 4xx problem detail (never a 500) and touches no Telegram account. The seed is fixed and printed;
 * {@code -Dfuzz.seed=N} replays another run.
 */
class RestFuzzTests extends ApiTestSupport {

    static final long SEED = Long.getLong("fuzz.seed", 20_260_902L);
    static final int REQUESTS = 1_200;

    private static final Set<Integer> REFUSALS = Set.of(400, 401, 404, 413, 429);

    /** A valid request per endpoint: path, body, and the fields whose absence is an error. */
    private record Endpoint(String path, Map<String, String> fields, List<String> required) {

        String body(Map<String, String> values) {
            return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/rooms/get_views", fields("account", "1", "chatId", "-1001", "messageIds", "[1,2,3]"),
                    List.of("account", "chatId", "messageIds")),
            new Endpoint("/rooms/create", fields("account", "1", "title", "\"Кузнецов — офис\"", "about", "\"x\""),
                    List.of("account", "title")),
            new Endpoint("/rooms/get_admins", fields("account", "1", "chatId", "-1001"), List.of("account", "chatId")),
            new Endpoint("/rooms/member_count", fields("account", "1", "chatId", "-1001"), List.of("account", "chatId")),
            new Endpoint("/rooms/join_requests", fields("account", "1", "chatId", "-1001", "limit", "10"),
                    List.of("account", "chatId")),
            new Endpoint("/session/login/start", fields("account", "1", "phone", "\"+79991234567\""), List.of("account", "phone")),
            new Endpoint("/session/login/code", fields("loginId", "\"abc\"", "code", "\"12345\""), List.of("loginId", "code")),
            new Endpoint("/session/logout", fields("account", "1"), List.of("account")));

    /** Values that break the field's contract whatever the field: wrong types and out-of-range numbers. */
    private static final List<String> BAD_VALUES = List.of("null", "\"\"", "\"abc\"", "true", "{}", "[]", "-1", "0",
            "-9223372036854775808", "99999999999999999999999", "\"\\u0000\"", "[null]", "{\"a\":[]}");

    @Test
    void malformedRequestsAreRefusedWithProblemDetailsAndNeverFail() {
        Random random = new Random(SEED);
        System.out.println("RestFuzzTests seed=" + SEED + " (-Dfuzz.seed=" + SEED + " to replay)");
        telegram.connect(1);
        Map<String, Integer> kinds = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            Map<String, String> values = new TreeMap<>(endpoint.fields());
            String kind;
            String token = TOKEN;
            String path = endpoint.path();
            String body;
            switch (random.nextInt(9)) {
                case 0 -> {
                    kind = "bearer";
                    token = List.of("", "test-tokeN", "test-token-", "Test-Token", "x".repeat(5_000), "t%C3%A9st", "null",
                            TOKEN.substring(0, random.nextInt(TOKEN.length()))).get(random.nextInt(8));
                    body = endpoint.body(values);
                }
                case 1 -> {
                    kind = "no-bearer";
                    token = null;
                    body = endpoint.body(values);
                }
                case 2 -> {
                    kind = "bad-json";
                    String valid = endpoint.body(values);
                    body = random.nextBoolean() ? valid.substring(0, random.nextInt(valid.length() - 1))
                            : valid.replace(List.of(":", ",", "}", "\"").get(random.nextInt(4)), List.of("", ";", "{", "'").get(random.nextInt(4)));
                }
                case 3 -> {
                    kind = "missing-field";
                    values.remove(endpoint.required().get(random.nextInt(endpoint.required().size())));
                    body = endpoint.body(values);
                }
                case 4, 5 -> {
                    kind = "wrong-value";
                    String field = endpoint.required().get(random.nextInt(endpoint.required().size()));
                    values.put(field, badValue(field, random));
                    body = endpoint.body(values);
                }
                case 6 -> {
                    kind = "oversized-array";
                    values = new TreeMap<>(ENDPOINTS.get(0).fields());
                    path = ENDPOINTS.get(0).path();
                    values.put("messageIds", LongStream.rangeClosed(1, 10_001 + random.nextInt(5_000))
                            .mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]")));
                    body = ENDPOINTS.get(0).body(values);
                }
                case 7 -> {
                    kind = random.nextInt(10) == 0 ? "oversized-body" : "unknown-path";
                    if (kind.equals("oversized-body")) {
                        values.put("padding", "\"" + "я".repeat(600_000) + "\"");
                    } else {
                        path = List.of("/rooms/", "/rooms/get_views/1", "/session/login", "/rooms/%2e%2e/admin",
                                "/admin", "/session/status/x").get(random.nextInt(6));
                    }
                    body = endpoint.body(values);
                }
                default -> {
                    kind = "wrong-document";
                    body = List.of("[]", "null", "42", "\"text\"", "[" + endpoint.body(values) + "]", "{}")
                            .get(random.nextInt(6));
                }
            }
            kinds.merge(kind, 1, Integer::sum);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = send(request);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String what = "request " + i + " (" + kind + ") of seed " + SEED + ": POST " + path + " " + abbreviate(body)
                    + " -> " + response.statusCode() + " " + abbreviate(response.body());
            if (!REFUSALS.contains(response.statusCode())
                    || kind.equals("oversized-body") && response.statusCode() != 400 // the documented answer, ApiEdgeTests
                    || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    || !response.body().contains("\"status\":" + response.statusCode())
                    || !response.body().contains("\"title\"")) {
                failures.add(what);
            }
        }
        System.out.println("RestFuzzTests seed=" + SEED + " requests=" + REQUESTS + " kinds=" + kinds + " statuses=" + statuses);

        assertThat(failures).as("requests not refused with a 4xx problem detail").isEmpty();
        assertThat(telegram.viewCalls).as("no malformed request reached Telegram").isEmpty();
        HttpResponse<String> valid = post("/rooms/get_views", "{\"account\":1,\"chatId\":-1001,\"messageIds\":[1,2]}");
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        assertThat(get("/session/status").statusCode()).isEqualTo(200);
    }

    private static String badValue(String field, Random random) {
        if (field.equals("messageIds") && random.nextBoolean()) {
            return List.of("[]", "[0]", "[-5]", "[1,null]", "[\"x\"]", "\"1,2\"", "[-1.5]", "[99999999999999999999]")
                    .get(random.nextInt(8));
        }
        List<String> bad = new ArrayList<>(BAD_VALUES);
        if (field.equals("chatId")) {
            bad.removeAll(List.of("-1", "0", "-9223372036854775808")); // any chat id is well-formed; Telegram judges it
        }
        if (field.equals("title") || field.equals("phone") || field.equals("loginId") || field.equals("code")) {
            // Jackson reads a number or a boolean as its text; a title may be any text at all.
            bad.removeAll(List.of("-1", "0", "-9223372036854775808", "99999999999999999999999", "true", "\"abc\"",
                    "\"\\u0000\""));
            bad.add("\"" + "т".repeat(300) + "\"");
        }
        return bad.get(random.nextInt(bad.size()));
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
    }
}
