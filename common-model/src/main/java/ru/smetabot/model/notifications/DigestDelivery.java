package ru.smetabot.model.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One digest (owner, kind, period) and how its delivery went: sending, sent, failed, empty, rejected, unknown. */
@Entity
@Table(schema = "core", name = "digest_deliveries")
public class DigestDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contractor_id", nullable = false)
    private long contractorId;

    @Column(nullable = false)
    private String kind;

    /** The local date the digest is due on. */
    @Column(nullable = false)
    private LocalDate period;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "retry_at")
    private Instant retryAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DigestDelivery() {
    }

    public Long getId() {
        return id;
    }

    public long getContractorId() {
        return contractorId;
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getPeriod() {
        return period;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public Instant getRetryAt() {
        return retryAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Long getMessageId() {
        return messageId;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
