package ru.smetabot.sandbox.webapps;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Telegram's Mini App {@code initData}: the fields as a query string plus {@code hash}, the hex HMAC-SHA256 of
 * the data-check string (the other fields as sorted {@code key=value} lines) under HMAC-SHA256("WebAppData", token).
 */
public final class InitDataSigner {

    private InitDataSigner() {
    }

    /** {@code fields} are the plain values (the user as JSON); the answer is URL-encoded, with {@code hash} last. */
    public static String sign(Map<String, String> fields, String botToken) {
        Map<String, String> sorted = new TreeMap<>(fields);
        String checkString = sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        String hash = HexFormat.of().formatHex(hmac(hmac("WebAppData".getBytes(StandardCharsets.UTF_8),
                botToken.getBytes(StandardCharsets.UTF_8)), checkString.getBytes(StandardCharsets.UTF_8)));
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")) + "&hash=" + hash;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
