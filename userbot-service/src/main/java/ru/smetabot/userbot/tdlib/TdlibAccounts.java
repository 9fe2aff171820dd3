package ru.smetabot.userbot.tdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One TDLib client per account, each with its own database directory
 * ({@code sessionsDir/<account>}) encrypted with a key derived from SESSION_ENCRYPTION_KEY,
 * and the authorization state machine (phone → code → password → ready).
 */
public class TdlibAccounts {

    private static final Logger log = LoggerFactory.getLogger(TdlibAccounts.class);
    private static final Set<String> AFTER_START = Set.of(TdAccount.WAIT_PHONE, TdAccount.WAIT_CODE, TdAccount.WAIT_PASSWORD, TdAccount.READY);
    private static final Set<String> AFTER_PHONE = Set.of(TdAccount.WAIT_CODE, TdAccount.WAIT_PASSWORD, TdAccount.READY);
    private static final Set<String> AFTER_CODE = Set.of(TdAccount.WAIT_PASSWORD, TdAccount.READY);

    private final TdClients clients;
    private final TdlibSettings settings;
    private final Map<Long, TdAccount> accounts = new ConcurrentHashMap<>();

    public TdlibAccounts(TdClients clients, TdlibSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    /** Reopens the sessions saved by earlier runs (one directory per account). */
    public void openSaved() throws IOException {
        if (!Files.isDirectory(settings.sessionsDir())) {
            return;
        }
        try (Stream<Path> dirs = Files.list(settings.sessionsDir())) {
            dirs.map(dir -> dir.getFileName().toString()).filter(name -> name.matches("\\d{1,19}"))
                    .forEach(name -> open(Long.parseLong(name)));
        }
    }

    List<Long> accounts() {
        return new ArrayList<>(accounts.keySet());
    }

    String state(long account) {
        TdAccount td = accounts.get(account);
        return td == null ? null : td.state();
    }

    /** Calls TDLib for an authorized account. */
    JsonNode call(long account, ObjectNode request) {
        return clients.call(ready(account).clientId(), request, settings.requestTimeout());
    }

    /** Collects the fresh counters TDLib announces for these messages of an authorized account. */
    InteractionUpdates watchInteractions(long account, long chatId, List<Long> tdMessageIds) {
        return ready(account).watchInteractions(chatId, tdMessageIds);
    }

    TdlibSettings settings() {
        return settings;
    }

    private TdAccount ready(long account) {
        TdAccount td = accounts.get(account);
        if (td == null || !TdAccount.READY.equals(td.state())) {
            throw TelegramException.notAuthorized(account, td == null ? "no session (never connected)" : td.state());
        }
        return td;
    }

    LoginStep startLogin(long account, String phone) {
        TdAccount td = open(account);
        String state = td.awaitState(AFTER_START, settings.requestTimeout());
        if (TdAccount.WAIT_PHONE.equals(state)) {
            clients.call(td.clientId(), TdClients.request("setAuthenticationPhoneNumber").put("phone_number", phone), settings.requestTimeout());
            state = td.awaitState(AFTER_PHONE, settings.requestTimeout());
        }
        return step(account, state);
    }

    LoginStep submitCode(long account, String code) {
        TdAccount td = loggingIn(account);
        clients.call(td.clientId(), TdClients.request("checkAuthenticationCode").put("code", code), settings.requestTimeout());
        return step(account, td.awaitState(AFTER_CODE, settings.requestTimeout()));
    }

    LoginStep submitPassword(long account, String password) {
        TdAccount td = loggingIn(account);
        clients.call(td.clientId(), TdClients.request("checkAuthenticationPassword").put("password", password), settings.requestTimeout());
        return step(account, td.awaitState(Set.of(TdAccount.READY), settings.requestTimeout()));
    }

    void logout(long account) {
        TdAccount td = accounts.get(account);
        if (td != null) {
            try {
                clients.call(td.clientId(), TdClients.request("logOut"), settings.requestTimeout());
                td.awaitState(Set.of(TdAccount.CLOSED), settings.requestTimeout());
            } finally {
                accounts.remove(account);
                clients.forgetClient(td.clientId());
            }
        }
        deleteDirectory(directory(account));
    }

    private TdAccount loggingIn(long account) {
        TdAccount td = accounts.get(account);
        if (td == null) {
            throw TelegramException.notAuthorized(account, "no login in progress");
        }
        return td;
    }

    private static LoginStep step(long account, String state) {
        return switch (state) {
            case TdAccount.READY -> LoginStep.READY;
            case TdAccount.WAIT_CODE -> LoginStep.CODE_REQUIRED;
            case TdAccount.WAIT_PASSWORD -> LoginStep.PASSWORD_REQUIRED;
            default -> throw new TelegramException(TelegramException.Kind.UNAVAILABLE, 0,
                    "login of account " + account + " stuck in " + state + " (Telegram unreachable?)");
        };
    }

    private TdAccount open(long account) {
        return accounts.computeIfAbsent(account, id -> {
            TdAccount[] holder = new TdAccount[1];
            int clientId = clients.createClient(update -> onUpdate(holder[0], update));
            holder[0] = new TdAccount(id, clientId);
            // Any request starts the client; its first update asks for the parameters.
            clients.post(clientId, TdClients.request("getOption").put("name", "version"));
            log.info("TDLib client {} opened for account {}", clientId, id);
            return holder[0];
        });
    }

    private void onUpdate(TdAccount td, JsonNode update) {
        if (td == null) {
            return;
        }
        String type = update.path("@type").asString();
        if ("updateMessageInteractionInfo".equals(type)) {
            JsonNode info = update.path("interaction_info");
            td.interactionInfo(update.path("chat_id").asLong(), update.path("message_id").asLong(),
                    info.isObject() ? info.path("view_count").asInt(0) : null);
            return;
        }
        if (!"updateAuthorizationState".equals(type)) {
            return;
        }
        String state = update.path("authorization_state").path("@type").asString();
        td.state(state);
        log.info("account {}: {}", td.account(), state);
        if (TdAccount.WAIT_PARAMETERS.equals(state)) {
            clients.post(td.clientId(), parameters(td.account()));
        } else if (TdAccount.CLOSED.equals(state)) {
            accounts.remove(td.account(), td);
            clients.forgetClient(td.clientId());
        }
    }

    private ObjectNode parameters(long account) {
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

    Path directory(long account) {
        return settings.sessionsDir().resolve(Long.toString(account)).toAbsolutePath();
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

    private static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the session directory {}: {}", dir, e.toString());
        }
    }
}
