package ru.smetabot.bot.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code core.digest_deliveries}: one row per (owner, kind, period). Claiming is one statement on the
 * primary key, so of any number of instances exactly one gets each digest; a claim is marked sent only
 * after Telegram accepted the message. See V6__notifications.sql for the statuses.
 */
@Repository
class DigestDeliveries {

    private final JdbcClient jdbc;

    DigestDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the digest for sending (a new one, or a failed one whose retry time has come): the attempt's number. */
    Optional<Integer> claim(long ownerId, DigestPeriod period, Instant now) {
        return jdbc.sql("""
                INSERT INTO core.digest_deliveries AS d (contractor_id, kind, period, status, attempts, claimed_at, updated_at)
                VALUES (:owner, :kind, :period, 'sending', 1, :now, :now)
                ON CONFLICT (contractor_id, kind, period) DO UPDATE
                   SET status = 'sending', attempts = d.attempts + 1, claimed_at = :now, retry_at = NULL, updated_at = :now
                 WHERE d.status = 'failed' AND d.retry_at <= :now
                RETURNING d.attempts""")
                .params(key(ownerId, period)).param("now", at(now))
                .query(Integer.class).optional();
    }

    void sent(long ownerId, DigestPeriod period, int messageId, Instant now) {
        finish(ownerId, period, now, "sent", null, messageId, null);
    }

    /** A send that may work later (429, 5xx, network): claimed again at {@code retryAt}. */
    void failed(long ownerId, DigestPeriod period, Instant now, Instant retryAt, String error) {
        finish(ownerId, period, now, "failed", retryAt, null, error);
    }

    /** Telegram refused for good (403: the owner blocked the bot; 400): not retried. */
    void rejected(long ownerId, DigestPeriod period, Instant now, String error) {
        finish(ownerId, period, now, "rejected", null, null, error);
    }

    /** Nothing to report this period: remembered, so the owner is not looked at again until the next one. */
    void empty(long ownerId, DigestPeriod period, Instant now) {
        jdbc.sql("""
                INSERT INTO core.digest_deliveries AS d (contractor_id, kind, period, status, updated_at)
                VALUES (:owner, :kind, :period, 'empty', :now)
                ON CONFLICT (contractor_id, kind, period) DO UPDATE SET status = 'empty', retry_at = NULL, updated_at = :now
                 WHERE d.status = 'failed'""")
                .params(key(ownerId, period)).param("now", at(now))
                .update();
    }

    /** When the earliest failed delivery of the period is retried, or null. */
    Instant nextRetry(DigestPeriod period) {
        return jdbc.sql("""
                SELECT retry_at FROM core.digest_deliveries
                 WHERE kind = :kind AND period = :period AND status = 'failed' ORDER BY retry_at LIMIT 1""")
                .param("kind", period.kind().dbValue()).param("period", period.date())
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
    }

    /**
     * Claims older than {@code lease} whose instance died mid-send: whether Telegram got the message is
     * unknown, and at most once wins, so they become 'unknown' and are not resent.
     */
    List<Abandoned> abandon(Duration lease, Instant now) {
        return jdbc.sql("""
                UPDATE core.digest_deliveries SET status = 'unknown', updated_at = :now
                 WHERE status = 'sending' AND claimed_at < :before
                RETURNING contractor_id, kind, period""")
                .param("now", at(now)).param("before", at(now.minus(lease)))
                .query((rs, n) -> new Abandoned(rs.getLong(1), DigestKind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject(3, java.time.LocalDate.class)))
                .list();
    }

    record Abandoned(long ownerId, DigestKind kind, java.time.LocalDate period) {
    }

    private void finish(long ownerId, DigestPeriod period, Instant now, String status, Instant retryAt, Integer messageId,
            String error) {
        jdbc.sql("""
                UPDATE core.digest_deliveries
                   SET status = :status, retry_at = :retryAt, message_id = coalesce(:messageId, message_id),
                       sent_at = CASE WHEN :status = 'sent' THEN :now END, last_error = :error, updated_at = :now
                 WHERE contractor_id = :owner AND kind = :kind AND period = :period AND status = 'sending'""")
                .params(key(ownerId, period))
                .param("status", status).param("retryAt", retryAt == null ? null : at(retryAt))
                .param("messageId", messageId).param("error", error).param("now", at(now))
                .update();
    }

    private static Map<String, Object> key(long ownerId, DigestPeriod period) {
        return Map.of("owner", ownerId, "kind", period.kind().dbValue(), "period", period.date());
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
