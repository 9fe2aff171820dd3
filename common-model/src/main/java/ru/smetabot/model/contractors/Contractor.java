package ru.smetabot.model.contractors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Telegram user who owns rooms. */
@Entity
@Table(schema = "core", name = "contractors")
public class Contractor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tg_user_id", nullable = false, unique = true)
    private long tgUserId;

    private String username;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "language_code")
    private String languageCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Contractor() {
    }

    public Contractor(long tgUserId, String username, String fullName, String languageCode) {
        this.tgUserId = tgUserId;
        this.username = username;
        this.fullName = fullName;
        this.languageCode = languageCode;
    }

    /** Refreshes what Telegram tells us about the user; names change, the id does not. */
    public void refreshProfile(String username, String fullName, String languageCode) {
        this.username = username;
        this.fullName = fullName;
        this.languageCode = languageCode;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getTgUserId() {
        return tgUserId;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getLanguageCode() {
        return languageCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
