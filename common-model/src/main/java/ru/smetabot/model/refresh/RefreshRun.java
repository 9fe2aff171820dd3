package ru.smetabot.model.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One views refresh of one room, for reading (written with plain SQL by
 * {@code ru.smetabot.views.ViewsRefresher}). {@code finishedAt == null} means it is running now.
 */
@Entity
@Immutable
@Table(schema = "analytics", name = "refresh_runs")
public class RefreshRun {

    @Id
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long roomId;

    /** periodic, on_demand or bot. */
    @Column(nullable = false)
    private String trigger;

    @Column(name = "cycle_id")
    private String cycleId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** refreshed, failed or abandoned; null while running. */
    private String outcome;

    private String reason;

    private String detail;

    /** No refresh of the room starts before this time (flood wait, userbot down). */
    @Column(name = "retry_at")
    private Instant retryAt;

    @Column(nullable = false)
    private int posts;

    @Column(nullable = false)
    private int updated;

    @Column(nullable = false)
    private int unchanged;

    @Column(nullable = false)
    private int missing;

    @Column(nullable = false)
    private int failed;

    @Column(name = "userbot_calls", nullable = false)
    private int userbotCalls;

    protected RefreshRun() {
    }

    public Long getId() {
        return id;
    }

    public long getRoomId() {
        return roomId;
    }

    public String getTrigger() {
        return trigger;
    }

    public String getCycleId() {
        return cycleId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getRetryAt() {
        return retryAt;
    }

    public int getPosts() {
        return posts;
    }

    public int getUpdated() {
        return updated;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public int getMissing() {
        return missing;
    }

    public int getFailed() {
        return failed;
    }

    public int getUserbotCalls() {
        return userbotCalls;
    }
}
