package ru.smetabot.bot.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a room's joins and leaves per day for "👥 Участники по дням". The flows come from
 * analytics.events (client_join; client_leave and client_banned count as leaves), which keeps every
 * join and leave, also a client's second join, while core.clients keeps only the latest. A client counts
 * once a day as leaving: removing one from a channel is a ban and an unban (client_banned, then a
 * client_leave from Telegram's update or the archive), which is one departure. The member
 * count is anchored to today's truth, the room's active clients in core.clients, and walked back day by
 * day through the net flows, so the line ends at the number "👥 Участники" shows. Days are cut in the
 * zone given (the owner's); at most {@link #MAX_DAYS} days, the latest.
 */
@Repository
class MemberHistory {

    static final int MAX_DAYS = 60;
    static final int MAX_LINKS = 5;

    private static final String FLOWS = """
            SELECT (e.created_at AT TIME ZONE :zone)::date AS day,
                   count(*) FILTER (WHERE e.event_type = 'client_join') AS joins,
                   count(DISTINCT e.client_id) FILTER (WHERE e.event_type IN ('client_leave', 'client_banned')) AS leaves
              FROM analytics.events e
             WHERE e.channel_id = :room AND e.event_type IN ('client_join', 'client_leave', 'client_banned')
             GROUP BY 1 ORDER BY 1
            """;

    private static final String PER_LINK = """
            SELECT coalesce(i.name, '') AS link,
                   count(*) FILTER (WHERE e.event_type = 'client_join') AS joins,
                   count(DISTINCT e.client_id) FILTER (WHERE e.event_type IN ('client_leave', 'client_banned')) AS leaves
              FROM analytics.events e
              LEFT JOIN core.clients c ON c.id = e.client_id
              LEFT JOIN core.invites i ON i.id = c.invite_id
             WHERE e.channel_id = :room AND e.event_type IN ('client_join', 'client_leave', 'client_banned')
               AND (e.created_at AT TIME ZONE :zone)::date >= :since
             GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    MemberHistory(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    MemberHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The room's members per day up to today; empty while nobody has joined or left yet. */
    Optional<MemberSeries> series(long roomId, ZoneId zone) {
        record Flow(long joins, long leaves) {
        }
        Map<LocalDate, Flow> flows = new HashMap<>();
        jdbc.sql(FLOWS).param("zone", zone.getId()).param("room", roomId)
                .query((rs, n) -> flows.put(rs.getDate("day").toLocalDate(), new Flow(rs.getLong("joins"), rs.getLong("leaves"))))
                .list();
        if (flows.isEmpty()) {
            return Optional.empty();
        }
        long active = jdbc.sql("SELECT count(*) FROM core.clients WHERE channel_id = :room AND status = 'active'")
                .param("room", roomId).query(Long.class).single();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = flows.keySet().stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate since = first.isBefore(today.minusDays(MAX_DAYS - 1)) ? today.minusDays(MAX_DAYS - 1) : first;
        // Walk back from today: members at the end of a day = members at the end of the next day - its net flow.
        List<MemberSeries.Day> days = new ArrayList<>();
        long members = active;
        for (LocalDate day = today; !day.isBefore(since); day = day.minusDays(1)) {
            Flow flow = flows.getOrDefault(day, new Flow(0, 0));
            days.add(0, new MemberSeries.Day(day, flow.joins(), flow.leaves(), Math.max(0, members)));
            members -= flow.joins() - flow.leaves();
        }
        return Optional.of(new MemberSeries(days, links(roomId, zone, since)));
    }

    private List<MemberSeries.LinkFlow> links(long roomId, ZoneId zone, LocalDate since) {
        List<MemberSeries.LinkFlow> all = jdbc.sql(PER_LINK).param("zone", zone.getId()).param("room", roomId)
                .param("since", since)
                .query((rs, n) -> new MemberSeries.LinkFlow(rs.getString("link"), rs.getLong("joins"), rs.getLong("leaves")))
                .list();
        if (all.size() <= MAX_LINKS) {
            return all;
        }
        List<MemberSeries.LinkFlow> top = new ArrayList<>(all.subList(0, MAX_LINKS - 1));
        List<MemberSeries.LinkFlow> rest = all.subList(MAX_LINKS - 1, all.size());
        top.add(new MemberSeries.LinkFlow(null, rest.stream().mapToLong(MemberSeries.LinkFlow::joins).sum(),
                rest.stream().mapToLong(MemberSeries.LinkFlow::leaves).sum()));
        return top;
    }
}
