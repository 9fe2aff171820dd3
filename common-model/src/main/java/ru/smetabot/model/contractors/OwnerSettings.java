package ru.smetabot.model.contractors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What an owner chose in the bot's settings (core.owner_settings, V10): the time zone of every date the bot shows
 * them and the hour of their digests. Null = the service default (BOT_TIME_ZONE, DIGEST_TIME). bot-service writes it
 * with plain SQL (an upsert); the entity keeps the table mapped and validated.
 */
@Entity
@Table(schema = "core", name = "owner_settings")
public class OwnerSettings {

    @Id
    @Column(name = "contractor_id")
    private Long contractorId;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "digest_hour")
    private Short digestHour;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OwnerSettings() {
    }

    public Long getContractorId() {
        return contractorId;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Short getDigestHour() {
        return digestHour;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
