package ru.smetabot.bot.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Mini App's {@code initData} as Telegram prescribes: {@code hash} must be the hex
 * HMAC-SHA256 of the data-check string (every other field as {@code key=value}, sorted, joined by
 * newlines) under the key HMAC-SHA256("WebAppData", bot token), and {@code auth_date} must be fresh.
 */
public final class InitDataVerifier {

    /** Clocks of the client and of Telegram may disagree a little; more than this ahead is refused. */
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Duration maxAge;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public InitDataVerifier(String botToken, Duration maxAge, Clock clock) {
        this.secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The user who opened the page; throws {@link InvalidInitDataException} for anything else. */
    public InitData verify(String initData) {
        if (initData == null || initData.isBlank()) {
            throw new InvalidInitDataException("missing", "no initData: the page was not opened from Telegram");
        }
        Map<String, String> fields = parse(initData);
        String hash = fields.remove("hash");
        if (hash == null) {
            throw new InvalidInitDataException("malformed", "initData has no hash");
        }
        String checkString = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        String expected = HexFormat.of().formatHex(hmac(secret, checkString.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), hash.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInitDataException("forged", "initData hash does not match this bot's token");
        }
        Instant authDate = authDate(fields.get("auth_date"));
        Instant now = clock.instant();
        if (authDate.isBefore(now.minus(maxAge)) || authDate.isAfter(now.plus(FUTURE_SKEW))) {
            throw new InvalidInitDataException("stale", "initData auth_date " + authDate + " is older than " + maxAge);
        }
        return user(fields.get("user"), authDate);
    }

    private static Map<String, String> parse(String initData) {
        Map<String, String> fields = new TreeMap<>();
        try {
            for (String pair : initData.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                    throw new InvalidInitDataException("malformed", "initData is not a query string of distinct fields");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInitDataException("malformed", "initData is not URL-encoded: " + e.getMessage());
        }
        return fields;
    }

    private static Instant authDate(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidInitDataException("malformed", "initData has no valid auth_date");
        }
    }

    private InitData user(String value, Instant authDate) {
        if (value == null) {
            throw new InvalidInitDataException("no_user", "initData names no user");
        }
        try {
            JsonNode user = json.readTree(value);
            long id = user.path("id").asLong(0);
            if (id <= 0) {
                throw new InvalidInitDataException("no_user", "initData user has no id");
            }
            return new InitData(id, text(user, "first_name"), text(user, "username"), text(user, "language_code"), authDate);
        } catch (JacksonException e) {
            throw new InvalidInitDataException("malformed", "initData user is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
