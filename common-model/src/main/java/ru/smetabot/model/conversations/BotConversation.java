package ru.smetabot.model.conversations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The step the bot waits for from one Telegram user, until {@link #getExpiresAt()}. */
@Entity
@Table(schema = "core", name = "bot_conversations")
public class BotConversation {

    @Id
    @Column(name = "tg_user_id")
    private long tgUserId;

    @Column(nullable = false)
    private String step;

    /** The step's data as JSON text (e.g. the pending document's file_id). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BotConversation() {
    }

    public long getTgUserId() {
        return tgUserId;
    }

    public String getStep() {
        return step;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
