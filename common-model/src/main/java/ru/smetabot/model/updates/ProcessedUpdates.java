package ru.smetabot.model.updates;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The inbox of Bot API updates ({@code core.processed_updates}), keyed on (update_id, content hash): an
 * update is parked with its JSON before Telegram is told it arrived, taken once by whoever handles it, and
 * marked handled, or left for a retry when handling failed. Redeliveries (same id, same content) are
 * never handled twice; a new update reusing an old id (Telegram restarts the sequence at a random value
 * after a week without updates) is not mistaken for one.
 */
@Service
public class ProcessedUpdates {

    /** How long a taken update may be in hand before the retries consider its handler dead. */
    public static final Duration LEASE = Duration.ofMinutes(10);
    /** How long a parked update waits for its lane before the retries pick it up. */
    public static final Duration PARKED_GRACE = Duration.ofMinutes(3);

    private final JdbcClient jdbc;

    public ProcessedUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One update: its key, its kind and its JSON (null when it could not be written out). */
    public record Key(long updateId, String contentHash, String updateType, String payload) {
    }

    /** A parked update handed back to be handled again, with the attempts made so far (this one included). */
    public record Due(Key key, int attempts) {
    }

    /**
     * Writes a batch as received (each update once; ones already known are left as they are), in one statement:
     * a getUpdates batch of 100 used to cost 100 round trips and executions. Rows go in key order, so two
     * batches that overlap cannot wait on each other's rows crosswise.
     */
    public void park(List<Key> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Long[] ids = new Long[batch.size()];
        String[] hashes = new String[batch.size()];
        String[] types = new String[batch.size()];
        String[] payloads = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Key key = batch.get(i);
            ids[i] = key.updateId();
            hashes[i] = key.contentHash();
            types[i] = key.updateType();
            payloads[i] = key.payload();
        }
        jdbc.sql("""
                INSERT INTO core.processed_updates (update_id, content_hash, update_type, payload, state, next_attempt_at)
                SELECT u.id, u.hash, u.type, u.payload, 'received', now() + make_interval(secs => :grace)
                  FROM unnest(CAST(:ids AS bigint[]), CAST(:hashes AS text[]), CAST(:types AS text[]),
                              CAST(:payloads AS text[])) AS u(id, hash, type, payload)
                 ORDER BY u.id, u.hash
                ON CONFLICT (update_id, content_hash) DO NOTHING
                """)
                .param("ids", ids).param("hashes", hashes).param("types", types).param("payloads", payloads)
                .param("grace", (double) PARKED_GRACE.toSeconds())
                .update();
    }

    /**
     * True for the one caller that gets to handle this update (new, or parked and not yet taken), false
     * for a redelivery of one already taken or handled.
     */
    public boolean take(Key key) {
        return jdbc.sql("""
                INSERT INTO core.processed_updates AS p (update_id, content_hash, update_type, payload, state, next_attempt_at, attempts)
                VALUES (:id, :hash, :type, :payload, 'handling', now() + make_interval(secs => :lease), 1)
                ON CONFLICT (update_id, content_hash) DO UPDATE SET state = 'handling', attempts = p.attempts + 1,
                    next_attempt_at = EXCLUDED.next_attempt_at
                 WHERE p.state = 'received'
                RETURNING 1
                """)
                .param("id", key.updateId()).param("hash", key.contentHash()).param("type", key.updateType())
                .param("payload", key.payload()).param("lease", (double) LEASE.toSeconds())
                .query(Integer.class).optional().isPresent();
    }

    /**
     * {@link #take} for an update this caller has just parked ({@link #park}): the row is there, so one plain
     * UPDATE of it, without sending the JSON again or trying an insert first. Same answer as take: true for the
     * one caller that gets to handle it (still parked, not taken by a lane, another instance or the retries).
     */
    public boolean takeParked(Key key) {
        return jdbc.sql("""
                UPDATE core.processed_updates SET state = 'handling', attempts = attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :lease)
                 WHERE update_id = :id AND content_hash = :hash AND state = 'received'
                RETURNING 1
                """)
                .param("id", key.updateId()).param("hash", key.contentHash()).param("lease", (double) LEASE.toSeconds())
                .query(Integer.class).optional().isPresent();
    }

    /** The old single-key claim, kept for callers that have no content to key on. */
    public boolean claim(long updateId, String updateType) {
        return take(new Key(updateId, "", updateType, null));
    }

    public void handled(Key key) {
        jdbc.sql("""
                UPDATE core.processed_updates SET state = 'handled', payload = NULL, last_error = NULL, next_attempt_at = NULL,
                       processed_at = now()
                 WHERE update_id = :id AND content_hash = :hash""")
                .param("id", key.updateId()).param("hash", key.contentHash()).update();
    }

    /** Handling failed: retried after {@code retryIn}, or given up ('failed', JSON kept) when it is null. */
    public void failed(Key key, String error, Duration retryIn) {
        jdbc.sql("""
                UPDATE core.processed_updates
                   SET state = CASE WHEN :retry THEN 'retry' ELSE 'failed' END, last_error = :error,
                       next_attempt_at = CASE WHEN :retry THEN now() + make_interval(secs => :secs) END
                 WHERE update_id = :id AND content_hash = :hash""")
                .param("retry", retryIn != null).param("error", error)
                .param("secs", retryIn == null ? 0.0 : (double) retryIn.toSeconds())
                .param("id", key.updateId()).param("hash", key.contentHash()).update();
    }

    /**
     * Takes up to {@code limit} updates that are due: failed ones whose retry time came, parked ones no lane
     * took, taken ones whose handler died (the lease ran out). Several instances never take the same one.
     */
    public List<Due> takeDue(int limit) {
        return jdbc.sql("""
                UPDATE core.processed_updates p SET state = 'handling', attempts = p.attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :lease)
                 WHERE (p.update_id, p.content_hash) IN (
                       SELECT update_id, content_hash FROM core.processed_updates
                        WHERE state IN ('received', 'handling', 'retry') AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING p.update_id, p.content_hash, p.update_type, p.payload, p.attempts
                """)
                .param("lease", (double) LEASE.toSeconds()).param("limit", limit)
                .query((rs, n) -> new Due(new Key(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getInt(5)))
                .list();
    }

    /** How many updates wait for a retry or a lane (for the gauge). */
    public long open() {
        return jdbc.sql("SELECT count(*) FROM core.processed_updates WHERE state IN ('received', 'handling', 'retry')")
                .query(Long.class).single();
    }

    /**
     * Telegram keeps updates at most 24 h, so handled claims older than {@code age} can go (given-up ones are
     * kept a week longer for inspection). Returns how many were removed.
     */
    public int forgetOlderThan(Duration age) {
        return jdbc.sql("""
                DELETE FROM core.processed_updates
                 WHERE (state = 'handled' AND processed_at < now() - make_interval(secs => :secs))
                    OR (state = 'failed' AND processed_at < now() - make_interval(secs => :secs) - interval '7 days')""")
                .param("secs", (double) age.toSeconds())
                .update();
    }

    /** An update the client library could not parse, kept with the error for inspection. */
    public void parkUnparsed(Long updateId, String rawJson, String error) {
        jdbc.sql("INSERT INTO core.unparsed_updates (update_id, raw_json, error) VALUES (:id, :raw, :error)")
                .param("id", updateId).param("raw", rawJson).param("error", error).update();
    }
}
