package ru.smetabot.model.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How the owner hears about one room: instant, daily or off (no row: instant). */
@Entity
@Table(schema = "core", name = "notification_settings")
public class NotificationSetting {

    @Id
    @Column(name = "channel_id")
    private long roomId;

    @Column(nullable = false)
    private String mode;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationSetting() {
    }

    public long getRoomId() {
        return roomId;
    }

    public String getMode() {
        return mode;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
