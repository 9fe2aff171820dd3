package ru.smetabot.model.invites;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invite link of a room, with the approvals limit we enforce ourselves. */
@Entity
@Table(schema = "core", name = "invites")
public class InviteLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long roomId;

    @Column(name = "invite_link", nullable = false, unique = true)
    private String link;

    @Column(length = 32)
    private String name;

    @Column(name = "creates_join_request", nullable = false)
    private boolean createsJoinRequest;

    /** Null means unlimited. */
    @Column(name = "approvals_limit")
    private Integer approvalsLimit;

    @Column(name = "approved_count", nullable = false)
    private int approvedCount;

    @Column(name = "declined_count", nullable = false)
    private int declinedCount;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected InviteLink() {
    }

    public InviteLink(long roomId, String link, String name, boolean createsJoinRequest,
            Integer approvalsLimit, Instant expiresAt) {
        this.roomId = roomId;
        this.link = link;
        this.name = name;
        this.createsJoinRequest = createsJoinRequest;
        this.approvalsLimit = approvalsLimit;
        this.expiresAt = expiresAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean hasApprovalsLeft() {
        return approvalsLimit == null || approvedCount < approvalsLimit;
    }

    public void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public Long getId() {
        return id;
    }

    public long getRoomId() {
        return roomId;
    }

    public String getLink() {
        return link;
    }

    public String getName() {
        return name;
    }

    public boolean isCreatesJoinRequest() {
        return createsJoinRequest;
    }

    public Integer getApprovalsLimit() {
        return approvalsLimit;
    }

    public int getApprovedCount() {
        return approvedCount;
    }

    public int getDeclinedCount() {
        return declinedCount;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
