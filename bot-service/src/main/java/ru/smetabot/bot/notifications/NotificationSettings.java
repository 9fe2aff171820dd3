package ru.smetabot.bot.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The owner's choice per room; a room without a row notifies instantly, as before the setting existed. */
@Repository
public class NotificationSettings {

    private final JdbcClient jdbc;

    NotificationSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NotificationMode mode(long roomId) {
        return jdbc.sql("SELECT mode FROM core.notification_settings WHERE channel_id = :room")
                .param("room", roomId)
                .query((rs, n) -> NotificationMode.fromDb(rs.getString(1)))
                .optional().orElse(NotificationMode.INSTANT);
    }

    /** Whether a join request's outcome is told to the owner right away. */
    public boolean notifiesInstantly(long roomId) {
        return mode(roomId) == NotificationMode.INSTANT;
    }

    public void set(long roomId, NotificationMode mode) {
        jdbc.sql("""
                INSERT INTO core.notification_settings (channel_id, mode) VALUES (:room, :mode)
                ON CONFLICT (channel_id) DO UPDATE SET mode = EXCLUDED.mode, updated_at = now()""")
                .param("room", roomId).param("mode", mode.dbValue())
                .update();
    }
}
