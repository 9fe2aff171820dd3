package ru.smetabot.model.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A room: one private Telegram channel per client project (table {@code core.channels}). */
@Entity
@Table(schema = "core", name = "channels")
public class Room {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contractor_id", nullable = false)
    private long contractorId;

    /** Bot API form of the chat id ("-100…"). */
    @Column(name = "tg_chat_id", nullable = false, unique = true)
    private long tgChatId;

    @Column(nullable = false)
    private String title;

    private String username;

    /** Telegram user id of the connected account whose session reads this room's views. */
    @Column(name = "userbot_account_id")
    private Long userbotAccountId;

    @Column(nullable = false)
    private boolean deleted;

    /** When the owner archived the room (closed the project); null while it is active. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Room() {
    }

    public Room(long contractorId, long tgChatId, String title, Long userbotAccountId) {
        this.contractorId = contractorId;
        this.tgChatId = tgChatId;
        this.title = title;
        this.userbotAccountId = userbotAccountId;
    }

    public boolean isOwnedBy(long contractorId) {
        return this.contractorId == contractorId;
    }

    public void rename(String title) {
        this.title = title;
        this.updatedAt = Instant.now();
    }

    /** The bot lost access (removed or demoted): the room stays with its history but is inactive. */
    public void markDeleted() {
        this.deleted = true;
        this.updatedAt = Instant.now();
    }

    public void restore() {
        this.deleted = false;
        this.updatedAt = Instant.now();
    }

    /** The owner closed the project: out of the active list, history kept. */
    public void archive(Instant at) {
        this.archivedAt = at;
        this.updatedAt = Instant.now();
    }

    public void reopen() {
        this.archivedAt = null;
        this.updatedAt = Instant.now();
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public Long getId() {
        return id;
    }

    public long getContractorId() {
        return contractorId;
    }

    public long getTgChatId() {
        return tgChatId;
    }

    public String getTitle() {
        return title;
    }

    public String getUsername() {
        return username;
    }

    public Long getUserbotAccountId() {
        return userbotAccountId;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
