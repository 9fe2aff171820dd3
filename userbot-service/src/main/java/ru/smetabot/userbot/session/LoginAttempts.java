package ru.smetabot.userbot.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;

/**
 * Logins in progress in PostgreSQL ({@code core.userbot_login_attempts}), so the code and password steps may reach
 * any instance. The loginId is what lets a caller continue a login: only its SHA-256 is stored.
 */
@Component
public class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account a login (expired or not) belongs to: requests for it are served by that account's instance. */
    public OptionalLong accountOf(String loginId) {
        return jdbc.sql("SELECT account_id FROM core.userbot_login_attempts WHERE login_id_sha256 = :id")
                .param("id", sha256(loginId)).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    Optional<LoginAttempt> find(String loginId) {
        return jdbc.sql("SELECT account_id, step, expires_at FROM core.userbot_login_attempts WHERE login_id_sha256 = :id")
                .param("id", sha256(loginId))
                .query((rs, n) -> new LoginAttempt(loginId, rs.getLong("account_id"), LoginStep.valueOf(rs.getString("step")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Stores the attempt, or its next step. */
    void save(LoginAttempt attempt, Instant now) {
        jdbc.sql("""
                INSERT INTO core.userbot_login_attempts (login_id_sha256, account_id, step, started_at, expires_at)
                VALUES (:id, :account, :step, :now, :expires)
                ON CONFLICT (login_id_sha256) DO UPDATE SET step = EXCLUDED.step
                """).param("id", sha256(attempt.loginId())).param("account", attempt.account())
                .param("step", attempt.step().name()).param("now", utc(now)).param("expires", utc(attempt.expiresAt()))
                .update();
    }

    void remove(String loginId) {
        jdbc.sql("DELETE FROM core.userbot_login_attempts WHERE login_id_sha256 = :id").param("id", sha256(loginId)).update();
    }

    void removeAccount(long account) {
        jdbc.sql("DELETE FROM core.userbot_login_attempts WHERE account_id = :account").param("account", account).update();
    }

    void removeExpired(Instant now) {
        jdbc.sql("DELETE FROM core.userbot_login_attempts WHERE expires_at <= :now").param("now", utc(now)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sha256(String loginId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(loginId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
