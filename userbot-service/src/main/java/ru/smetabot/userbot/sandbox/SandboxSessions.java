package ru.smetabot.userbot.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox gateway's sessions in PostgreSQL ({@code core.userbot_sandbox_sessions}): the sandbox's token of each
 * connected account, and the phone and phone_code_hash of a login waiting for its code. Every instance reads the same
 * rows, so the instance that takes an account over (its lease) continues its session or its login.
 */
public class SandboxSessions {

    /** A login waiting for its code. */
    record Pending(String phone, String phoneCodeHash) {
    }

    private final JdbcClient jdbc;

    public SandboxSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> accounts() {
        return jdbc.sql("SELECT account_id FROM core.userbot_sandbox_sessions ORDER BY account_id").query(Long.class).list();
    }

    Optional<String> token(long account) {
        return jdbc.sql("SELECT session_token FROM core.userbot_sandbox_sessions WHERE account_id = :a AND session_token IS NOT NULL")
                .param("a", account).query(String.class).optional();
    }

    Optional<Pending> pending(long account) {
        return jdbc.sql("""
                SELECT phone, phone_code_hash FROM core.userbot_sandbox_sessions
                 WHERE account_id = :a AND session_token IS NULL AND phone_code_hash IS NOT NULL
                """).param("a", account).query((rs, n) -> new Pending(rs.getString(1), rs.getString(2))).optional();
    }

    void loginStarted(long account, String phone, String phoneCodeHash) {
        jdbc.sql("""
                INSERT INTO core.userbot_sandbox_sessions (account_id, phone, phone_code_hash, updated_at)
                VALUES (:a, :phone, :hash, now())
                ON CONFLICT (account_id) DO UPDATE SET session_token = NULL, phone = EXCLUDED.phone,
                       phone_code_hash = EXCLUDED.phone_code_hash, updated_at = now()
                """).param("a", account).param("phone", phone).param("hash", phoneCodeHash).update();
    }

    void connected(long account, String token) {
        jdbc.sql("""
                INSERT INTO core.userbot_sandbox_sessions (account_id, session_token, updated_at) VALUES (:a, :token, now())
                ON CONFLICT (account_id) DO UPDATE SET session_token = EXCLUDED.session_token, phone = NULL,
                       phone_code_hash = NULL, updated_at = now()
                """).param("a", account).param("token", token).update();
    }

    void forget(long account) {
        jdbc.sql("DELETE FROM core.userbot_sandbox_sessions WHERE account_id = :a").param("a", account).update();
    }

    /** Sessions of an older USERBOT_SANDBOX_SESSIONS_FILE that the table does not have yet; answers how many. */
    int importMissing(Map<Long, String> sessions) {
        int imported = 0;
        for (Map.Entry<Long, String> session : sessions.entrySet()) {
            imported += jdbc.sql("""
                    INSERT INTO core.userbot_sandbox_sessions (account_id, session_token) VALUES (:a, :token)
                    ON CONFLICT (account_id) DO NOTHING
                    """).param("a", session.getKey()).param("token", session.getValue()).update();
        }
        return imported;
    }
}
