package ru.smetabot.userbot.lease;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease rows ({@code core.userbot_leases}). Every statement is atomic on its own and reads PostgreSQL's clock,
 * never an instance's, so instances with skewed clocks still agree on whether a lease expired.
 */
@Component
public class LeaseStore {

    /** A lease this instance got: {@code previousHolder} is the instance it was taken from (null: nobody held it). */
    public record Acquired(long account, long fencingToken, String previousHolder, boolean previousReleased) {
    }

    /** Who holds an account; {@code live} = not expired and not released. */
    public record Holder(long account, String instanceId, URI url, long fencingToken, Instant expiresAt, boolean live) {
    }

    private final JdbcClient jdbc;

    public LeaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the account's lease when nobody holds it, the holder's lease expired or was released, or the holder is
     * this very instance id (a restarted instance with a fixed USERBOT_INSTANCE_ID); bumps the fencing token.
     * Empty when another instance holds it. Concurrent calls: PostgreSQL re-checks the WHERE on the row it locked,
     * so exactly one of them gets the lease.
     */
    public Optional<Acquired> acquire(long account, String instanceId, URI url, Duration ttl) {
        return jdbc.sql("""
                WITH previous AS (SELECT instance_id, released_at FROM core.userbot_leases WHERE account_id = :account)
                INSERT INTO core.userbot_leases AS l
                       (account_id, instance_id, instance_url, fencing_token, acquired_at, renewed_at, expires_at)
                VALUES (:account, :instance, :url, 1, now(), now(), now() + make_interval(secs => :ttl))
                ON CONFLICT (account_id) DO UPDATE
                   SET instance_id = EXCLUDED.instance_id, instance_url = EXCLUDED.instance_url,
                       fencing_token = l.fencing_token + 1, acquired_at = now(), renewed_at = now(),
                       expires_at = EXCLUDED.expires_at, released_at = NULL
                 WHERE l.expires_at <= now() OR l.released_at IS NOT NULL OR l.instance_id = EXCLUDED.instance_id
                RETURNING l.fencing_token, (SELECT instance_id FROM previous) AS previous_holder,
                          (SELECT released_at IS NOT NULL FROM previous) AS previous_released
                """)
                .param("account", account).param("instance", instanceId).param("url", url.toString())
                .param("ttl", seconds(ttl))
                .query((rs, n) -> new Acquired(account, rs.getLong("fencing_token"), rs.getString("previous_holder"),
                        rs.getBoolean("previous_released")))
                .optional();
    }

    /** Extends the lease; false when the row no longer carries this instance and token (taken over or released). */
    public boolean renew(long account, String instanceId, long fencingToken, Duration ttl) {
        return jdbc.sql("""
                UPDATE core.userbot_leases SET renewed_at = now(), expires_at = now() + make_interval(secs => :ttl)
                 WHERE account_id = :account AND instance_id = :instance AND fencing_token = :token AND released_at IS NULL
                """)
                .param("account", account).param("instance", instanceId).param("token", fencingToken)
                .param("ttl", seconds(ttl)).update() == 1;
    }

    /** Ends the lease now, so another instance may take the account at once; the row (and its token) stays. */
    public boolean release(long account, String instanceId, long fencingToken) {
        return jdbc.sql("""
                UPDATE core.userbot_leases SET expires_at = now(), released_at = now()
                 WHERE account_id = :account AND instance_id = :instance AND fencing_token = :token AND released_at IS NULL
                """)
                .param("account", account).param("instance", instanceId).param("token", fencingToken).update() == 1;
    }

    public Optional<Holder> holder(long account) {
        return jdbc.sql("""
                SELECT account_id, instance_id, instance_url, fencing_token, expires_at,
                       expires_at > now() AND released_at IS NULL AS live
                  FROM core.userbot_leases WHERE account_id = :account
                """).param("account", account).query(LeaseStore::holder).optional();
    }

    /** Every live lease (for an overview of all instances' accounts). */
    public List<Holder> live() {
        return jdbc.sql("""
                SELECT account_id, instance_id, instance_url, fencing_token, expires_at, true AS live
                  FROM core.userbot_leases WHERE expires_at > now() AND released_at IS NULL ORDER BY account_id
                """).query(LeaseStore::holder).list();
    }

    private static Holder holder(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Holder(rs.getLong("account_id"), rs.getString("instance_id"), URI.create(rs.getString("instance_url")),
                rs.getLong("fencing_token"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("live"));
    }

    private static double seconds(Duration ttl) {
        return ttl.toMillis() / 1000.0;
    }
}
