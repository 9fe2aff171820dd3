package ru.smetabot.bot.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which user started each Mini App login, in {@code core.mini_app_logins}: the page's start, code and password
 * steps may each reach another bot instance. Times come from the caller's clock.
 */
@Component
class LoginOwners {

    /** The user who started a login and when the login expires. */
    record Owner(long userId, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    LoginOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(String loginId, long userId, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO core.mini_app_logins (login_id, tg_user_id, expires_at) VALUES (:login, :user, :expires)
                ON CONFLICT (login_id) DO UPDATE SET tg_user_id = EXCLUDED.tg_user_id, expires_at = EXCLUDED.expires_at
                """).param("login", loginId).param("user", userId).param("expires", Timestamp.from(expiresAt)).update();
    }

    Optional<Owner> find(String loginId) {
        return jdbc.sql("SELECT tg_user_id, expires_at FROM core.mini_app_logins WHERE login_id = :login")
                .param("login", loginId)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    void forget(String loginId) {
        jdbc.sql("DELETE FROM core.mini_app_logins WHERE login_id = :login").param("login", loginId).update();
    }

    void forgetExpired(Instant now) {
        jdbc.sql("DELETE FROM core.mini_app_logins WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
    }
}
