package ru.smetabot.model.events;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Appends to the event log; details are stored as {@code jsonb}. */
@Service
public class EventLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EventLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(EventType type, Long roomId, Long clientId, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO analytics.events (event_type, channel_id, client_id, details)
                VALUES (:type, :roomId, :clientId, CAST(:details AS jsonb))
                """)
                .param("type", type.dbValue())
                .param("roomId", roomId)
                .param("clientId", clientId)
                .param("details", json.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }
}
