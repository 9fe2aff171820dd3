package ru.smetabot.bot.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.bot.notifications.DigestData.FileLine;
import ru.smetabot.bot.notifications.DigestData.Owner;
import ru.smetabot.bot.notifications.DigestData.Person;
import ru.smetabot.bot.notifications.DigestData.RoomDay;

/**
 * What digests read: owners still due one, the day's joins and leaves from {@code analytics.events},
 * and views gained from {@code analytics.view_snapshots} (a file's gain in a period is its last count
 * in it minus its last count before it; snapshots are written only when a count changes).
 * The daily digest covers rooms set to "daily"; the weekly one every room not switched off.
 */
@Repository
class DigestQueries {

    private static final List<String> DAILY_ROOMS = List.of("daily");
    private static final List<String> WEEKLY_ROOMS = List.of("instant", "daily");

    private final JdbcClient jdbc;

    DigestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The digest schedules owners chose (core.owner_settings, V10): zone and hour, each null = the configured one;
     * always includes (null, null), the schedule of owners who never chose.
     */
    List<OwnerSchedule> ownerSchedules() {
        List<OwnerSchedule> schedules = new ArrayList<>(jdbc.sql("""
                SELECT DISTINCT time_zone, digest_hour FROM core.owner_settings
                 WHERE time_zone IS NOT NULL OR digest_hour IS NOT NULL""")
                .query((rs, n) -> new OwnerSchedule(rs.getString("time_zone"), (Integer) rs.getObject("digest_hour", Integer.class)))
                .list());
        schedules.add(new OwnerSchedule(null, null));
        return schedules;
    }

    /** A zone id and digest hour as stored (null: not chosen). */
    record OwnerSchedule(String timeZone, Integer digestHour) {
    }

    /** Owners on the configured schedule (they never chose a zone or an hour), see below. */
    List<Owner> pendingOwners(DigestPeriod period, Instant now) {
        return pendingOwners(period, now, new OwnerSchedule(null, null));
    }

    /**
     * Owners on {@code schedule} with a room the digest covers and no delivery of this period done, under way or
     * resting.
     */
    List<Owner> pendingOwners(DigestPeriod period, Instant now, OwnerSchedule schedule) {
        boolean weekly = period.kind() == DigestKind.WEEKLY;
        return jdbc.sql("""
                SELECT DISTINCT k.id, k.tg_user_id, k.language_code
                  FROM core.contractors k
                  JOIN core.channels c ON c.contractor_id = k.id AND NOT c.deleted
                  LEFT JOIN core.notification_settings n ON n.channel_id = c.id
                  LEFT JOIN core.owner_settings s ON s.contractor_id = k.id
                 WHERE coalesce(n.mode, 'instant') IN (:modes)
                   AND coalesce(s.time_zone, '') = :zone AND coalesce(s.digest_hour, -1) = :hour
                   AND (NOT :weekly OR EXISTS (SELECT 1 FROM core.publications p WHERE p.channel_id = c.id))
                   AND NOT EXISTS (SELECT 1 FROM core.digest_deliveries d
                                    WHERE d.contractor_id = k.id AND d.kind = :kind AND d.period = :period
                                      AND NOT (d.status = 'failed' AND d.retry_at <= :now))
                 ORDER BY k.id""")
                .param("modes", weekly ? WEEKLY_ROOMS : DAILY_ROOMS)
                .param("weekly", weekly)
                .param("zone", schedule.timeZone() == null ? "" : schedule.timeZone())
                .param("hour", schedule.digestHour() == null ? -1 : schedule.digestHour())
                .param("kind", period.kind().dbValue())
                .param("period", period.date())
                .param("now", at(now))
                .query((rs, n) -> new Owner(rs.getLong("id"), rs.getLong("tg_user_id"), rs.getString("language_code")))
                .list();
    }

    DigestData.Daily daily(long ownerId, DigestPeriod period) {
        Map<Long, String> titles = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.title FROM core.channels c JOIN core.notification_settings n ON n.channel_id = c.id
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND n.mode = 'daily'
                 ORDER BY c.title, c.id""")
                .param("owner", ownerId)
                .query(rs -> {
                    titles.put(rs.getLong(1), rs.getString(2));
                });
        Map<Long, List<Person>> joined = new LinkedHashMap<>();
        Map<Long, List<Person>> left = new LinkedHashMap<>();
        Map<Long, Integer> declined = new LinkedHashMap<>();
        Map<Long, List<Person>> removed = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.channel_id, e.event_type, cl.full_name, cl.username, i.name AS link_name,
                       coalesce(cl.tg_user_id, (e.details->>'tg_user_id')::bigint, 0) AS tg_user_id
                  FROM analytics.events e
                  JOIN core.channels c ON c.id = e.channel_id
                  JOIN core.notification_settings n ON n.channel_id = c.id
                  LEFT JOIN core.clients cl ON cl.id = e.client_id
                  LEFT JOIN core.invites i ON i.id = (e.details->>'invite_id')::bigint
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND n.mode = 'daily'
                   AND e.event_type IN ('client_join', 'client_leave', 'client_banned', 'join_request_declined')
                   AND e.created_at >= :from AND e.created_at < :to
                 ORDER BY e.created_at, e.id""")
                .param("owner", ownerId).param("from", at(period.from())).param("to", at(period.to()))
                .query(rs -> {
                    long room = rs.getLong("channel_id");
                    Person person = new Person(rs.getString("full_name"), rs.getString("username"),
                            rs.getLong("tg_user_id"), rs.getString("link_name"));
                    switch (rs.getString("event_type")) {
                        case "client_join" -> joined.computeIfAbsent(room, r -> new ArrayList<>()).add(person);
                        case "client_leave" -> left.computeIfAbsent(room, r -> new ArrayList<>()).add(person);
                        case "client_banned" -> removed.computeIfAbsent(room, r -> new ArrayList<>()).add(person);
                        default -> declined.merge(room, 1, Integer::sum);
                    }
                });
        Map<Long, Long> views = new LinkedHashMap<>();
        gains(ownerId, DAILY_ROOMS, period.from(), period.to()).forEach(g -> views.merge(g.roomId(), g.gained(), Long::sum));
        Map<Long, List<DigestData.Ack>> acks = acknowledged(ownerId, period);
        List<RoomDay> rooms = titles.entrySet().stream()
                .map(t -> new RoomDay(t.getValue(), joined.getOrDefault(t.getKey(), List.of()), left.getOrDefault(t.getKey(), List.of()),
                        declined.getOrDefault(t.getKey(), 0), views.getOrDefault(t.getKey(), 0L),
                        removed.getOrDefault(t.getKey(), List.of()), acks.getOrDefault(t.getKey(), List.of())))
                .toList();
        return new DigestData.Daily(period, rooms);
    }

    /** Acknowledgements pressed in the period in the owner's daily rooms, per room, oldest first. */
    private Map<Long, List<DigestData.Ack>> acknowledged(long ownerId, DigestPeriod period) {
        Map<Long, List<DigestData.Ack>> acks = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.channel_id, cl.full_name, cl.username, cl.tg_user_id,
                       coalesce(p.file_name, '#' || p.message_id) AS file_name
                  FROM core.acknowledgements a
                  JOIN core.publications p ON p.id = a.publication_id
                  JOIN core.channels c ON c.id = p.channel_id
                  JOIN core.notification_settings n ON n.channel_id = c.id
                  JOIN core.clients cl ON cl.id = a.client_id
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND n.mode = 'daily'
                   AND a.acknowledged_at >= :from AND a.acknowledged_at < :to
                 ORDER BY a.acknowledged_at, a.id""")
                .param("owner", ownerId).param("from", at(period.from())).param("to", at(period.to()))
                .query(rs -> {
                    acks.computeIfAbsent(rs.getLong("channel_id"), r -> new ArrayList<>()).add(new DigestData.Ack(
                            new Person(rs.getString("full_name"), rs.getString("username"), rs.getLong("tg_user_id"), null),
                            rs.getString("file_name")));
                });
        return acks;
    }

    DigestData.Weekly weekly(long ownerId, DigestPeriod period) {
        List<FileLine> files = gains(ownerId, WEEKLY_ROOMS, period.from(), period.to()).stream()
                .map(g -> new FileLine(g.fileName(), g.roomTitle(), g.gained())).toList();
        long previous = gains(ownerId, WEEKLY_ROOMS, period.previousFrom(), period.from()).stream().mapToLong(Gain::gained).sum();
        List<FileLine> newFiles = jdbc.sql("""
                SELECT coalesce(p.file_name, '#' || p.message_id) AS file_name, c.title
                  FROM core.publications p
                  JOIN core.channels c ON c.id = p.channel_id
                  LEFT JOIN core.notification_settings n ON n.channel_id = c.id
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND NOT p.deleted
                   AND coalesce(n.mode, 'instant') IN (:modes)
                   AND p.posted_at >= :from AND p.posted_at < :to
                 ORDER BY p.posted_at, p.id""")
                .param("owner", ownerId).param("modes", WEEKLY_ROOMS)
                .param("from", at(period.from())).param("to", at(period.to()))
                .query((rs, n) -> new FileLine(rs.getString("file_name"), rs.getString("title"), 0))
                .list();
        return new DigestData.Weekly(period, files.stream().mapToLong(FileLine::gained).sum(), previous, files, newFiles);
    }

    private record Gain(long roomId, String roomTitle, String fileName, long gained) {
    }

    /** Views each file of the owner's covered rooms gained in {@code [from, to)}, most first. */
    private List<Gain> gains(long ownerId, List<String> modes, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT c.id AS room_id, c.title, coalesce(p.file_name, '#' || p.message_id) AS file_name,
                       w.views - coalesce(b.views, 0) AS gained
                  FROM core.publications p
                  JOIN core.channels c ON c.id = p.channel_id
                  LEFT JOIN core.notification_settings n ON n.channel_id = c.id
                  CROSS JOIN LATERAL (SELECT s.views FROM analytics.view_snapshots s
                                       WHERE s.publication_id = p.id AND s.captured_at >= :from AND s.captured_at < :to
                                       ORDER BY s.captured_at DESC, s.id DESC LIMIT 1) w
                  LEFT JOIN LATERAL (SELECT s.views FROM analytics.view_snapshots s
                                      WHERE s.publication_id = p.id AND s.captured_at < :from
                                      ORDER BY s.captured_at DESC, s.id DESC LIMIT 1) b ON true
                 WHERE c.contractor_id = :owner AND NOT c.deleted AND coalesce(n.mode, 'instant') IN (:modes)
                   AND w.views > coalesce(b.views, 0)
                 ORDER BY gained DESC, p.posted_at DESC, p.id""")
                .param("owner", ownerId).param("modes", modes).param("from", at(from)).param("to", at(to))
                .query((rs, n) -> new Gain(rs.getLong("room_id"), rs.getString("title"), rs.getString("file_name"),
                        rs.getLong("gained")))
                .list();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
