package ru.smetabot.userbot.tdlib;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One TDLib client per account, each with its own database directory ({@link SessionFolders}), and the
 * authorization state machine (phone → code → password → ready; every other login state ends the wait
 * at once, see {@link LoginStates}). A login that is started again, or left unfinished for USERBOT_LOGIN_TTL,
 * is abandoned: its client is destroyed and its folder deleted, so nothing of it is reopened later.
 */
public class TdlibAccounts {

    private static final Logger log = LoggerFactory.getLogger(TdlibAccounts.class);
    private static final Set<String> AFTER_START = LoginStates.plus(TdAccount.WAIT_PHONE, TdAccount.WAIT_CODE,
            TdAccount.WAIT_PASSWORD, TdAccount.READY);
    private static final Set<String> AFTER_PHONE = LoginStates.plus(TdAccount.WAIT_CODE, TdAccount.WAIT_PASSWORD, TdAccount.READY);
    private static final Set<String> AFTER_CODE = LoginStates.plus(TdAccount.WAIT_PASSWORD, TdAccount.READY);

    private final TdClients clients;
    private final TdlibSettings settings;
    private final SessionFolders folders;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Long, TdAccount> accounts = new ConcurrentHashMap<>();

    public TdlibAccounts(TdClients clients, TdlibSettings settings, MeterRegistry meters, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.folders = new SessionFolders(settings);
        this.meters = meters;
        this.clock = clock;
    }

    /** Reopens the sessions saved by earlier runs; one still unfinished after USERBOT_LOGIN_TTL is then abandoned. */
    public void openSaved() throws IOException {
        folders.saved().forEach(this::open);
    }

    /** Accounts with a session folder, whichever instance has them open. */
    List<Long> saved() {
        try {
            return folders.saved();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sessions in " + settings.sessionsDir(), e);
        }
    }

    /** Opens the account's saved session here (its lease was just taken); nothing when it is open or has no folder. */
    void openSaved(long account) {
        if (!accounts.containsKey(account) && Files.isDirectory(folders.directory(account))) {
            open(account);
        }
    }

    /**
     * Closes the account's client here and keeps its folder (another instance holds the lease now and reopens it):
     * TDLib's {@code close} flushes the database, so nothing of the session is lost.
     */
    void close(long account) {
        TdAccount td = accounts.get(account);
        if (td == null) {
            return;
        }
        try {
            clients.call(td.clientId(), TdClients.request("close"), settings.requestTimeout());
            td.awaitState(Set.of(TdAccount.CLOSED), settings.requestTimeout());
        } catch (TelegramException e) {
            log.warn("account {}: TDLib did not confirm closing client {}: {}", account, td.clientId(), e.getMessage());
        } finally {
            accounts.remove(account, td);
            clients.forgetClient(td.clientId());
        }
        log.info("account {}: TDLib client {} closed here; the session stays in {} for the instance holding the lease",
                account, td.clientId(), folders.directory(account));
    }

    List<Long> accounts() {
        return new ArrayList<>(accounts.keySet());
    }

    String state(long account) {
        TdAccount td = accounts.get(account);
        return td == null ? null : td.state();
    }

    /** TDLib's refusal of the account's session (setTdlibParameters), or null. */
    String error(long account) {
        TdAccount td = accounts.get(account);
        return td == null ? null : td.error();
    }

    /** Waits until the account's client reaches one of {@code states} or fails to open; answers the state (tests, start-up). */
    String awaitState(long account, Set<String> states, Duration max) {
        TdAccount td = accounts.get(account);
        return td == null ? null : td.awaitState(states, max);
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

    SessionFolders folders() {
        return folders;
    }

    private TdAccount ready(long account) {
        TdAccount td = accounts.get(account);
        if (td == null || !TdAccount.READY.equals(td.state())) {
            throw TelegramException.notAuthorized(account, td == null ? "no session (never connected)" : td.state());
        }
        return td;
    }

    /**
     * Starts a login. An unfinished earlier login of the account (another phone, a code never entered, a
     * step this service cannot take) is abandoned first: TDLib would otherwise keep waiting for its code.
     */
    LoginStep startLogin(long account, String phone) {
        TdAccount existing = accounts.get(account);
        if (existing != null && existing.error() == null && !TdAccount.READY.equals(existing.state())) {
            abandon(existing, "restarted");
        }
        TdAccount td = open(account);
        td.loginDeadline(clock.instant().plus(settings.loginTtl()));
        String state = td.awaitState(AFTER_START, settings.requestTimeout());
        if (TdAccount.WAIT_PHONE.equals(state) && td.error() == null) {
            clients.call(td.clientId(), TdClients.request("setAuthenticationPhoneNumber").put("phone_number", phone), settings.requestTimeout());
            state = td.awaitState(AFTER_PHONE, settings.requestTimeout());
        }
        return LoginStates.step(td, state);
    }

    LoginStep submitCode(long account, String code) {
        TdAccount td = loggingIn(account);
        clients.call(td.clientId(), TdClients.request("checkAuthenticationCode").put("code", code), settings.requestTimeout());
        return LoginStates.step(td, td.awaitState(AFTER_CODE, settings.requestTimeout()));
    }

    LoginStep submitPassword(long account, String password) {
        TdAccount td = loggingIn(account);
        clients.call(td.clientId(), TdClients.request("checkAuthenticationPassword").put("password", password), settings.requestTimeout());
        return LoginStates.step(td, td.awaitState(LoginStates.plus(TdAccount.READY), settings.requestTimeout()));
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
        folders.delete(account);
    }

    /**
     * Abandons every unfinished login older than USERBOT_LOGIN_TTL (also one reopened from disk and never
     * finished): destroys its client, deletes its folder. A session TDLib could not open (wrong key) is kept:
     * its data may still be opened with the right key. Answers how many were abandoned.
     */
    int expireAbandoned() {
        Instant now = clock.instant();
        int abandoned = 0;
        for (TdAccount td : accounts.values()) {
            if (td.error() == null && !TdAccount.READY.equals(td.state()) && !now.isBefore(td.loginDeadline())) {
                abandon(td, "expired");
                abandoned++;
            }
        }
        return abandoned;
    }

    private void abandon(TdAccount td, String why) {
        // destroy: closes the instance and deletes its data without a network round trip (there is no session to end).
        try {
            clients.call(td.clientId(), TdClients.request("destroy"), settings.requestTimeout());
            td.awaitState(Set.of(TdAccount.CLOSED), settings.requestTimeout());
        } catch (TelegramException e) {
            log.warn("account {}: TDLib did not confirm destroying the abandoned login's client {}: {}", td.account(),
                    td.clientId(), e.getMessage());
        } finally {
            accounts.remove(td.account(), td);
            clients.forgetClient(td.clientId());
            folders.delete(td.account());
        }
        Counter.builder("userbot.logins.abandoned").description("Unfinished TDLib logins whose client and folder were removed")
                .tag("reason", why).register(meters).increment();
        log.info("account {}: unfinished login ({}) abandoned ({}): TDLib client {} destroyed, folder {} deleted",
                td.account(), td.state(), why, td.clientId(), folders.directory(td.account()));
    }

    private TdAccount loggingIn(long account) {
        TdAccount td = accounts.get(account);
        if (td == null) {
            throw TelegramException.notAuthorized(account, "no login in progress");
        }
        return td;
    }

    private TdAccount open(long account) {
        return accounts.computeIfAbsent(account, id -> {
            TdAccount[] holder = new TdAccount[1];
            int clientId = clients.createClient(update -> onUpdate(holder[0], update));
            holder[0] = new TdAccount(id, clientId, clock.instant().plus(settings.loginTtl()));
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
            // With an @extra, so TDLib's refusal (e.g. 401 "Wrong database encryption key") is read, never lost.
            clients.send(td.clientId(), folders.parameters(td.account()), settings.requestTimeout())
                    .whenComplete((reply, failure) -> parametersAnswered(td, reply, failure));
        } else if (TdAccount.CLOSED.equals(state)) {
            accounts.remove(td.account(), td);
            clients.forgetClient(td.clientId());
        }
    }

    private void parametersAnswered(TdAccount td, JsonNode reply, Throwable failure) {
        String error;
        String code;
        if (failure != null) {
            error = "TDLib did not answer setTdlibParameters within " + settings.requestTimeout().toSeconds() + " s";
            code = "timeout";
        } else if ("error".equals(reply.path("@type").asString())) {
            code = Integer.toString(reply.path("code").asInt());
            error = "TDLib refused the session (setTdlibParameters): " + code + " " + reply.path("message").asString("");
        } else {
            return;
        }
        Counter.builder("userbot.tdlib.parameters.failures").description("Sessions TDLib refused to open (setTdlibParameters)")
                .tag("code", code).register(meters).increment();
        log.error("account {}: {} -> the session in {} cannot be opened; a wrong database key means SESSION_ENCRYPTION_KEY "
                + "is not the one it was made with: restore that key, or delete the folder and connect the account again "
                + "(GET /session/status shows this error)", td.account(), error, folders.directory(td.account()));
        td.fail(error); // last: whoever waits on the account sees the metric and the log already done
    }
}
