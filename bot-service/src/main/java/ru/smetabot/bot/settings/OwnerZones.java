package ru.smetabot.bot.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.model.rooms.Room;

/**
 * Each owner's settings in core.owner_settings: the zone their dates are shown in (BOT_TIME_ZONE until they choose)
 * and the hour of their digests (empty until they choose: the digests' configured time applies).
 */
@Service
public class OwnerZones {

    private static final Logger log = LoggerFactory.getLogger(OwnerZones.class);

    private final JdbcClient jdbc;
    private final ZoneId defaultZone;

    public OwnerZones(JdbcClient jdbc, BotProperties properties) {
        this.jdbc = jdbc;
        this.defaultZone = properties.timeZone();
    }

    /** The zone of the contractor's dates: their choice, else BOT_TIME_ZONE. */
    public ZoneId zone(long contractorId) {
        return chosen(contractorId).orElse(defaultZone);
    }

    /** The zone of the room owner's dates. */
    public ZoneId zone(Room room) {
        return zone(room.getContractorId());
    }

    /** The zone of the owner of room {@code roomId} (the default for a room not found). */
    public ZoneId zoneOfRoom(long roomId) {
        // One statement (the card shows dates on every tap): the room's owner and their choice together.
        return jdbc.sql("""
                SELECT c.contractor_id, s.time_zone FROM core.channels c
                  LEFT JOIN core.owner_settings s ON s.contractor_id = c.contractor_id AND s.time_zone IS NOT NULL
                 WHERE c.id = :room""").param("room", roomId)
                .query((rs, n) -> parsed(rs.getLong(1), rs.getString(2)).orElse(defaultZone))
                .optional().orElse(defaultZone);
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** The zone the contractor chose, if any (a zone the JDK no longer knows counts as none, and is logged). */
    public Optional<ZoneId> chosen(long contractorId) {
        return jdbc.sql("SELECT time_zone FROM core.owner_settings WHERE contractor_id = :c AND time_zone IS NOT NULL")
                .param("c", contractorId).query(String.class).optional().flatMap(id -> parsed(contractorId, id));
    }

    private Optional<ZoneId> parsed(long contractorId, String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            log.warn("Contractor {} has time zone '{}' the JDK does not know; using {}", contractorId, id, defaultZone);
            return Optional.empty();
        }
    }

    /** The digest hour the contractor chose (0–23), if any. */
    public Optional<Integer> digestHour(long contractorId) {
        return jdbc.sql("SELECT digest_hour FROM core.owner_settings WHERE contractor_id = :c AND digest_hour IS NOT NULL")
                .param("c", contractorId).query(Integer.class).optional();
    }

    void setZone(long contractorId, ZoneId zone) {
        jdbc.sql("""
                INSERT INTO core.owner_settings (contractor_id, time_zone, updated_at) VALUES (:c, :zone, now())
                ON CONFLICT (contractor_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = now()
                """).param("c", contractorId).param("zone", zone.getId()).update();
    }

    void setDigestHour(long contractorId, int hour) {
        jdbc.sql("""
                INSERT INTO core.owner_settings (contractor_id, digest_hour, updated_at) VALUES (:c, :hour, now())
                ON CONFLICT (contractor_id) DO UPDATE SET digest_hour = EXCLUDED.digest_hour, updated_at = now()
                """).param("c", contractorId).param("hour", (short) hour).update();
    }
}
