package ru.smetabot.sandbox.mtproto;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Resettable;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredPart;

/**
 * Sign-in attempts (phone_code_hash → phone) and signed-in sessions (token → user id). Sessions are saved with
 * the world in the data directory (a connected account stays connected across a restart); attempts, which
 * expire in minutes, are not.
 */
@Component
public class MtprotoSessions implements Resettable, StoredPart<MtprotoSessions.SavedSessions> {

    /** The signed-in sessions as saved: token → user id. */
    public record SavedSessions(Map<String, Long> sessions) {
    }

    private record Attempt(String phone, Instant sentAt, boolean codeAccepted) {
    }

    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final SandboxState state;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    MtprotoSessions(SandboxState state, SandboxClock clock, SandboxProperties properties) {
        this.state = state;
        this.clock = clock;
        this.properties = properties;
    }

    /** auth.sendCode: a phone that is not 7–15 digits is PHONE_NUMBER_INVALID (TDLib's answer too). */
    String sendCode(String phone) {
        int digits = normalize(phone).length();
        if (digits < 7 || digits > 15) {
            throw new MtprotoException(400, "PHONE_NUMBER_INVALID");
        }
        findByPhone(phone).orElseThrow(() -> new MtprotoException(400, "PHONE_NUMBER_UNOCCUPIED"));
        String hash = UUID.randomUUID().toString().replace("-", "").substring(0, 18);
        attempts.put(hash, new Attempt(phone, clock.now(), false));
        return hash;
    }

    /** Returns the session token, or empty when the account has a 2FA password still to check. */
    Optional<String> signIn(String phone, String hash, String code) {
        Attempt attempt = attempts.get(hash == null ? "" : hash);
        if (attempt == null || !attempt.phone().equals(phone)) {
            throw new MtprotoException(400, "PHONE_CODE_HASH_EMPTY");
        }
        if (clock.now().isAfter(attempt.sentAt().plus(properties.loginCodeTtl()))) {
            attempts.remove(hash);
            throw new MtprotoException(400, "PHONE_CODE_EXPIRED");
        }
        if (code == null || code.isBlank()) {
            throw new MtprotoException(400, "PHONE_CODE_EMPTY");
        }
        if (!properties.loginCode().equals(code)) {
            throw new MtprotoException(400, "PHONE_CODE_INVALID");
        }
        Account user = findByPhone(phone).orElseThrow(() -> new MtprotoException(400, "PHONE_NUMBER_UNOCCUPIED"));
        if (user.password() != null && !user.password().isEmpty()) {
            attempts.put(hash, new Attempt(phone, attempt.sentAt(), true));
            return Optional.empty();
        }
        attempts.remove(hash);
        return Optional.of(open(user.id()));
    }

    String checkPassword(String hash, String password) {
        Attempt attempt = attempts.get(hash == null ? "" : hash);
        if (attempt == null || !attempt.codeAccepted()) {
            throw new MtprotoException(400, "PHONE_CODE_HASH_EMPTY");
        }
        Account user = findByPhone(attempt.phone()).orElseThrow(() ->
                new MtprotoException(400, "PHONE_NUMBER_UNOCCUPIED"));
        if (password == null || password.isEmpty()) {
            throw new MtprotoException(400, "PASSWORD_HASH_INVALID");
        }
        if (!user.password().equals(password)) {
            throw new MtprotoException(400, "PASSWORD_HASH_INVALID");
        }
        attempts.remove(hash);
        return open(user.id());
    }

    /** The user behind a session token; 401 AUTH_KEY_UNREGISTERED for unknown or logged-out sessions. */
    long userOf(String authorization) {
        String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "").trim();
        Long userId = sessions.get(token);
        if (userId == null || state.locked(() -> state.account(userId)).isEmpty()) {
            throw new MtprotoException(401, "AUTH_KEY_UNREGISTERED");
        }
        return userId;
    }

    void logOut(String authorization) {
        changes.incrementAndGet();
        sessions.remove(authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "").trim());
    }

    @Override
    public void reset() {
        changes.incrementAndGet();
        attempts.clear();
        sessions.clear();
    }

    @Override
    public String key() {
        return "mtproto_sessions";
    }

    @Override
    public Class<SavedSessions> type() {
        return SavedSessions.class;
    }

    @Override
    public long changes() {
        return changes.get();
    }

    @Override
    public SavedSessions save() {
        return new SavedSessions(new TreeMap<>(sessions));
    }

    @Override
    public void load(SavedSessions saved) {
        sessions.clear();
        if (saved.sessions() != null) {
            sessions.putAll(saved.sessions());
        }
    }

    private String open(long userId) {
        String token = "sbx_" + UUID.randomUUID().toString().replace("-", "");
        changes.incrementAndGet();
        sessions.put(token, userId);
        return token;
    }

    private Optional<Account> findByPhone(String phone) {
        String normalized = normalize(phone);
        return state.locked(() -> state.accounts().stream()
                .filter(a -> !a.bot() && a.phone() != null && normalize(a.phone()).equals(normalized))
                .findFirst());
    }

    private static String normalize(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }
}
