package ru.smetabot.bot.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.objects.Document;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.text.TelegramText;

/**
 * Records a posted file once per (room, message id), whether the bot posted it or the owner did. Names go
 * through {@link TelegramText#clean}: the bot's own post comes back from Telegram, not through an update.
 */
@Service
class PublicationLog {

    private final JdbcClient jdbc;
    private final EventLog events;

    PublicationLog(JdbcClient jdbc, EventLog events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** True when newly recorded, false when this post was already known. */
    boolean record(long roomId, long messageId, Document document, Instant postedAt) {
        String fileName = TelegramText.clean(document.getFileName());
        Long id = jdbc.sql("""
                INSERT INTO core.publications (channel_id, message_id, file_name, mime_type, file_size, file_id, posted_at)
                VALUES (:room, :message, :name, :mime, :size, :fileId, :postedAt)
                ON CONFLICT (channel_id, message_id) DO NOTHING RETURNING id
                """)
                .param("room", roomId).param("message", messageId)
                .param("name", fileName).param("mime", TelegramText.clean(document.getMimeType()))
                .param("size", document.getFileSize()).param("fileId", document.getFileId())
                .param("postedAt", Timestamp.from(postedAt))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return false;
        }
        Map<String, Object> details = new HashMap<>();
        details.put("publicationId", id);
        details.put("messageId", messageId);
        details.put("fileName", fileName);
        events.record(EventType.FILE_POSTED, roomId, null, details);
        return true;
    }
}
