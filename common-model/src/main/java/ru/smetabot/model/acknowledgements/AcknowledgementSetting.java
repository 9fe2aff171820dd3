package ru.smetabot.model.acknowledgements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether a room's published files carry the "✅ Ознакомлен" button (no row: yes). */
@Entity
@Table(schema = "core", name = "acknowledgement_settings")
public class AcknowledgementSetting {

    @Id
    @Column(name = "channel_id")
    private long roomId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AcknowledgementSetting() {
    }

    public long getRoomId() {
        return roomId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
