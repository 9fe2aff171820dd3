package ru.smetabot.model.updates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Bot API update that has been handled. */
@Entity
@Table(schema = "core", name = "processed_updates")
public class ProcessedUpdate {

    @Id
    @Column(name = "update_id")
    private Long updateId;

    @Column(name = "update_type", nullable = false)
    private String updateType;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedUpdate() {
    }

    public Long getUpdateId() {
        return updateId;
    }

    public String getUpdateType() {
        return updateType;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }
}
