package ru.smetabot.userbot.tdlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the sessions at rest against a wrong SESSION_ENCRYPTION_KEY. TDLib would only say "wrong database
 * key" per account, later, and the accounts would look logged out. So the first start writes
 * {@value #FILE} (HMAC-SHA256 of a constant under the key; it reveals nothing about the key) into
 * SESSIONS_DIR, and every later start compares it before any session is opened.
 */
final class SessionKeyCheck {

    static final String FILE = ".session-key-check";

    private static final Logger log = LoggerFactory.getLogger(SessionKeyCheck.class);
    private static final String CONSTANT = "smetabot-userbot-session-key-check-v1";

    private SessionKeyCheck() {
    }

    /** Writes the check value on the first start; afterwards fails start-up when the key differs. */
    static void verify(Path sessionsDir, String key) {
        Path file = sessionsDir.resolve(FILE);
        String expected = checkValue(key);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
                    throw new IllegalStateException("SESSION_ENCRYPTION_KEY does not match the key the sessions in "
                            + sessionsDir.toAbsolutePath() + " were encrypted with (" + FILE + "). Start with the old key; "
                            + "to give the sessions up instead, empty SESSIONS_DIR and connect the accounts again.");
                }
                return;
            }
            Files.createDirectories(sessionsDir);
            if (hasSessions(sessionsDir)) {
                log.warn("{} has sessions but no {}: recording the current SESSION_ENCRYPTION_KEY as theirs; if it is not "
                        + "the key they were made with, they will fail to open: connect them again", sessionsDir, FILE);
            }
            Files.writeString(file, expected + "\n", StandardCharsets.US_ASCII);
            log.info("Session key check value written to {}", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file + ": check SESSIONS_DIR exists and is writable", e);
        }
    }

    static String checkValue(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CONSTANT.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasSessions(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d{1,19}"));
        }
    }
}
