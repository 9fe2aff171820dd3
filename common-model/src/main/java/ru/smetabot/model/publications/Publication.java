package ru.smetabot.model.publications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file posted in a room, with its last known view count. */
@Entity
@Table(schema = "core", name = "publications")
public class Publication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long roomId;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "mime_type")
    private String mimeType;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "file_id")
    private String fileId;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    @Column(nullable = false)
    private int views;

    @Column(name = "views_refreshed_at")
    private Instant viewsRefreshedAt;

    @Column(nullable = false)
    private boolean deleted;

    protected Publication() {
    }

    public Publication(long roomId, long messageId, String fileName, String mimeType, Long fileSize,
            String fileId, Instant postedAt) {
        this.roomId = roomId;
        this.messageId = messageId;
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.fileSize = fileSize;
        this.fileId = fileId;
        this.postedAt = postedAt;
    }

    public Long getId() {
        return id;
    }

    public long getRoomId() {
        return roomId;
    }

    public long getMessageId() {
        return messageId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMimeType() {
        return mimeType;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public String getFileId() {
        return fileId;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public int getViews() {
        return views;
    }

    public Instant getViewsRefreshedAt() {
        return viewsRefreshedAt;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
