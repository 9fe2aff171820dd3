package ru.smetabot.model.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
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

    /**
     * Several events of one room, client and details (e.g. a join and the invite it used), in this order, written in
     * one statement instead of one each.
     */
    public void record(List<EventType> types, Long roomId, Long clientId, Map<String, ?> details) {
        if (types.size() == 1) {
            record(types.get(0), roomId, clientId, details);
            return;
        }
        StringJoiner rows = new StringJoiner(", ");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            rows.add("(:type" + i + ", :roomId, :clientId, CAST(:details AS jsonb))");
            params.put("type" + i, types.get(i).dbValue());
        }
        params.put("roomId", roomId);
        params.put("clientId", clientId);
        params.put("details", json.writeValueAsString(details == null ? Map.of() : details));
        jdbc.sql("INSERT INTO analytics.events (event_type, channel_id, client_id, details) VALUES " + rows)
                .params(params)
                .update();
    }
}
