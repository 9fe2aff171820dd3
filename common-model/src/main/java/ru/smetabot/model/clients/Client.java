package ru.smetabot.model.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who joined a room. Written by {@link ClientRegistry}; read through {@link ClientRepository}. */
@Entity
@Table(schema = "core", name = "clients")
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long roomId;

    @Column(name = "invite_id")
    private Long inviteId;

    @Column(name = "tg_user_id", nullable = false)
    private long tgUserId;

    private String username;

    @Column(name = "full_name")
    private String fullName;

    @Column(nullable = false)
    private ClientStatus status;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Client() {
    }

    public Long getId() {
        return id;
    }

    public long getRoomId() {
        return roomId;
    }

    public Long getInviteId() {
        return inviteId;
    }

    public long getTgUserId() {
        return tgUserId;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public ClientStatus getStatus() {
        return status;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
