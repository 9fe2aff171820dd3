package ru.smetabot.userbot.tdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The accounts' TDLib database folders ({@code sessionsDir/<account>}): where they are, the
 * {@code setTdlibParameters} that opens one (with a per-account key derived from SESSION_ENCRYPTION_KEY),
 * and removing one whose login was abandoned.
 */
final class SessionFolders {

    private static final Logger log = LoggerFactory.getLogger(SessionFolders.class);

    private final TdlibSettings settings;

    SessionFolders(TdlibSettings settings) {
        this.settings = settings;
    }

    /** The accounts that have a folder (saved by earlier runs). */
    List<Long> saved() throws IOException {
        if (!Files.isDirectory(settings.sessionsDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(settings.sessionsDir())) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("\\d{1,19}")).map(Long::parseLong).toList();
        }
    }

    Path directory(long account) {
        return settings.sessionsDir().resolve(Long.toString(account)).toAbsolutePath();
    }

    ObjectNode parameters(long account) {
        Path dir = directory(account);
        return TdClients.request("setTdlibParameters")
                .put("use_test_dc", false)
                .put("database_directory", dir.toString())
                .put("files_directory", dir.resolve("files").toString())
                .put("database_encryption_key", databaseKey(account))
                .put("use_file_database", false)
                .put("use_chat_info_database", true)
                .put("use_message_database", true)
                .put("use_secret_chats", false)
                .put("api_id", settings.apiId())
                .put("api_hash", settings.apiHash())
                .put("system_language_code", "ru")
                .put("device_model", "SmetaBot userbot")
                .put("system_version", "")
                .put("application_version", "1.0");
    }

    /** Per-account key: HMAC-SHA256(SESSION_ENCRYPTION_KEY, account), base64 as TDLib's bytes fields are. */
    String databaseKey(long account) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.encryptionKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(("tdlib-db:" + account).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(long account) {
        Path dir = directory(account);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the session directory {}: {}; delete it by hand", dir, e.toString());
        }
    }
}
