package ru.smetabot.model.updates;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Claims Bot API update ids so each update is handled once, even when Telegram redelivers it. */
@Service
public class ProcessedUpdates {

    private final JdbcClient jdbc;

    public ProcessedUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the first caller with this update id, false for every later one. */
    public boolean claim(long updateId, String updateType) {
        return jdbc.sql("""
                INSERT INTO core.processed_updates (update_id, update_type) VALUES (:id, :type)
                ON CONFLICT (update_id) DO NOTHING
                """)
                .param("id", updateId)
                .param("type", updateType)
                .update() == 1;
    }

    /** Telegram keeps updates at most 24 h, so older claims can go. Returns how many were removed. */
    public int forgetOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM core.processed_updates WHERE processed_at < now() - make_interval(secs => :secs)")
                .param("secs", (double) age.toSeconds())
                .update();
    }
}
