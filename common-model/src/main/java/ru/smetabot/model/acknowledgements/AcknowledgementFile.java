package ru.smetabot.model.acknowledgements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file published with the "✅ Ознакомлен" button, and the owner's last reminder about it. */
@Entity
@Table(schema = "core", name = "acknowledgement_files")
public class AcknowledgementFile {

    @Id
    @Column(name = "publication_id")
    private long publicationId;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    protected AcknowledgementFile() {
    }

    public long getPublicationId() {
        return publicationId;
    }

    public Instant getAskedAt() {
        return askedAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }
}
