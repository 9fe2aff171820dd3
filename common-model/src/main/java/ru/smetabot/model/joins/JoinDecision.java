package ru.smetabot.model.joins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A join-request decision made durable before the Telegram call: decided (slot reserved), then applied or abandoned
 * with the outcome Telegram confirmed.
 */
@Entity
@Table(schema = "core", name = "join_decisions")
public class JoinDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Column(name = "invite_id", nullable = false)
    private long inviteId;

    @Column(name = "tg_chat_id", nullable = false)
    private long tgChatId;

    @Column(name = "tg_user_id", nullable = false)
    private long tgUserId;

    @Column(nullable = false)
    private String verdict;

    /** decided, applied or abandoned. */
    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private String source;

    private String username;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String outcome;

    @Column(nullable = false)
    private int attempts;

    protected JoinDecision() {
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public long getInviteId() {
        return inviteId;
    }

    public long getTgUserId() {
        return tgUserId;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getState() {
        return state;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
