package ru.smetabot.model.updates;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A Bot API update that has been received, keyed on its id and a hash of its content. */
@Entity
@Table(schema = "core", name = "processed_updates")
public class ProcessedUpdate {

    @EmbeddedId
    private Id id;

    @Column(name = "update_type", nullable = false)
    private String updateType;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    @Column(nullable = false)
    private String state;

    protected ProcessedUpdate() {
    }

    public long getUpdateId() {
        return id.updateId;
    }

    public String getContentHash() {
        return id.contentHash;
    }

    public String getUpdateType() {
        return updateType;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    /** received, handling, handled, retry or failed. */
    public String getState() {
        return state;
    }

    /** (update_id, content_hash). */
    @Embeddable
    public static class Id implements Serializable {

        @Column(name = "update_id")
        private long updateId;

        @Column(name = "content_hash")
        private String contentHash;

        protected Id() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id o && o.updateId == updateId && java.util.Objects.equals(o.contentHash, contentHash);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(updateId, contentHash);
        }
    }
}
