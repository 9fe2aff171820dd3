package ru.smetabot.model.acknowledgements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client pressed "✅ Ознакомлен" under a file, once. */
@Entity
@Table(schema = "core", name = "acknowledgements")
public class Acknowledgement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "publication_id", nullable = false)
    private long publicationId;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "acknowledged_at", nullable = false)
    private Instant acknowledgedAt;

    protected Acknowledgement() {
    }

    public Long getId() {
        return id;
    }

    public long getPublicationId() {
        return publicationId;
    }

    public long getClientId() {
        return clientId;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
