package ru.smetabot.bot.members;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.smetabot.model.clients.ClientStatus;

/** smetabot.clients{status}: clients in all rooms by status, read at most every 15 s (one grouped query). */
@Component
class ClientStatusGauge {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private Map<ClientStatus, Long> counts = new EnumMap<>(ClientStatus.class);
    private long readAt;

    ClientStatusGauge(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (ClientStatus status : ClientStatus.values()) {
            Gauge.builder("smetabot.clients", this, g -> g.count(status)).tag("status", status.dbValue())
                    .description("Clients in all rooms by status").register(registry);
        }
    }

    synchronized double count(ClientStatus status) {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH.toNanos()) {
            Map<ClientStatus, Long> fresh = new EnumMap<>(ClientStatus.class);
            jdbc.sql("SELECT status, count(*) FROM core.clients GROUP BY status")
                    .query((rs, n) -> fresh.put(ClientStatus.fromDb(rs.getString(1)), rs.getLong(2))).list();
            counts = fresh;
            readAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
