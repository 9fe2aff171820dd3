package ru.smetabot.model.publications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One point of a publication's view history; written only when the count changed. */
@Entity
@Table(schema = "analytics", name = "view_snapshots")
public class ViewSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "publication_id", nullable = false)
    private long publicationId;

    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;

    @Column(nullable = false)
    private int views;

    protected ViewSnapshot() {
    }

    public ViewSnapshot(long publicationId, Instant capturedAt, int views) {
        this.publicationId = publicationId;
        this.capturedAt = capturedAt;
        this.views = views;
    }

    public Long getId() {
        return id;
    }

    public long getPublicationId() {
        return publicationId;
    }

    public Instant getCapturedAt() {
        return capturedAt;
    }

    public int getViews() {
        return views;
    }
}
