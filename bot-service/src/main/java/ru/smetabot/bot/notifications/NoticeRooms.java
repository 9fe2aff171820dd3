package ru.smetabot.bot.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The room of a chat with its owner and notification mode, in one plain statement: the join-request storm and
 * chat_member updates read this for every update, where the JPA entities (room, then contractor, then the setting)
 * cost three reads, each in a read-only transaction of its own, and Hibernate's work around them.
 */
@Repository
public class NoticeRooms {

    private static final String SELECT = """
            SELECT c.id, c.contractor_id, c.title, c.archived_at IS NOT NULL AS archived, o.tg_user_id, o.language_code,
                   s.mode
              FROM core.channels c
              LEFT JOIN core.contractors o ON o.id = c.contractor_id
              LEFT JOIN core.notification_settings s ON s.channel_id = c.id
            """;

    private final JdbcClient jdbc;

    public NoticeRooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The room of this Telegram chat, unless it has none or the room is inactive (the bot lost it). */
    public Optional<NoticeRoom> activeByChat(long tgChatId) {
        return jdbc.sql(SELECT + " WHERE c.tg_chat_id = :chat AND NOT c.deleted")
                .param("chat", tgChatId).query(NoticeRooms::room).optional();
    }

    /** The room by its id, inactive or not. */
    public Optional<NoticeRoom> byId(long roomId) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", roomId).query(NoticeRooms::room).optional();
    }

    private static NoticeRoom room(ResultSet rs, int row) throws SQLException {
        String mode = rs.getString("mode");
        Number owner = (Number) rs.getObject("tg_user_id");
        return new NoticeRoom(rs.getLong("id"), rs.getLong("contractor_id"), rs.getString("title"), rs.getBoolean("archived"),
                owner == null ? null : owner.longValue(), rs.getString("language_code"),
                mode == null ? NotificationMode.INSTANT : NotificationMode.fromDb(mode)); // no row: instant, as NotificationSettings
    }
}
