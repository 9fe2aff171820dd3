package ru.smetabot.model.updates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An update the Bot API client could not parse, kept as raw JSON for inspection; polling went on past it. */
@Entity
@Table(schema = "core", name = "unparsed_updates")
public class UnparsedUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "update_id")
    private Long updateId;

    @Column(name = "raw_json", nullable = false)
    private String rawJson;

    @Column(nullable = false)
    private String error;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected UnparsedUpdate() {
    }

    public Long getId() {
        return id;
    }

    public Long getUpdateId() {
        return updateId;
    }

    public String getRawJson() {
        return rawJson;
    }

    public String getError() {
        return error;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
