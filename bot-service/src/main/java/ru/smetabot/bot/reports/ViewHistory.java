package ru.smetabot.bot.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a room's view history from analytics.view_snapshots for the chart. A snapshot is written only
 * when a count changed, so a file's count holds from its snapshot until its next one (and is 0 before
 * its first). The room's total at any time is the sum of those held counts, computed in SQL as the
 * running sum of each file's changes, one point per hour/day/week/month in the owner's time zone:
 * the answer has at most a few hundred rows however many files and snapshots the room has.
 * Deleted files are left out, so the chart ends at the number the card shows.
 */
@Repository
class ViewHistory {

    /** Per file and bucket the last count; its change from the file's previous bucket; summed per bucket and run. */
    private static final String SERIES = """
            WITH snapshots AS (
                SELECT s.publication_id, s.captured_at, s.views, date_trunc(:unit, s.captured_at, :zone) AS bucket
                  FROM analytics.view_snapshots s JOIN core.publications p ON p.id = s.publication_id
                 WHERE p.channel_id = :room AND NOT p.deleted AND (:file = 0 OR p.id = :file)
            ), last_in_bucket AS (
                SELECT DISTINCT ON (publication_id, bucket) publication_id, bucket, captured_at, views
                  FROM snapshots ORDER BY publication_id, bucket, captured_at DESC
            ), changes AS (
                SELECT bucket, captured_at,
                       views - coalesce(lag(views) OVER (PARTITION BY publication_id ORDER BY bucket), 0) AS change
                  FROM last_in_bucket
            )
            SELECT max(captured_at) AS at, sum(sum(change)) OVER (ORDER BY bucket) AS total
              FROM changes GROUP BY bucket ORDER BY bucket
            """;

    private final JdbcClient jdbc;

    ViewHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The room's total views over time; empty while no count has changed yet. */
    Optional<ViewSeries> total(long roomId, ZoneId zone) {
        return series(roomId, 0, zone);
    }

    /** One file's views over time (0 for "no such live file in this room" is not a file id: ids start at 1). */
    Optional<ViewSeries> file(long roomId, long publicationId, ZoneId zone) {
        return series(roomId, publicationId, zone);
    }

    /** A page of the room's live files for the buttons under its chart, newest first as on the card. */
    ChartKeyboard.FilePage filePage(long roomId, int requestedPage) {
        long files = jdbc.sql("SELECT count(*) FROM core.publications WHERE channel_id = :room AND NOT deleted")
                .param("room", roomId).query(Long.class).single();
        int pages = (int) Math.max(1, (files + ChartKeyboard.FILES_PER_PAGE - 1) / ChartKeyboard.FILES_PER_PAGE);
        int page = Math.min(Math.max(requestedPage, 0), pages - 1);
        List<ChartKeyboard.FileButton> buttons = jdbc.sql("""
                SELECT id, coalesce(file_name, '—') AS file_name FROM core.publications
                 WHERE channel_id = :room AND NOT deleted ORDER BY posted_at DESC, id DESC LIMIT :limit OFFSET :offset
                """).param("room", roomId).param("limit", ChartKeyboard.FILES_PER_PAGE)
                .param("offset", page * ChartKeyboard.FILES_PER_PAGE)
                .query((rs, n) -> new ChartKeyboard.FileButton(rs.getLong("id"), rs.getString("file_name")))
                .list();
        return new ChartKeyboard.FilePage(roomId, buttons, page, pages);
    }

    /** The name of a live file of this room; empty for another room's file, a deleted one or none. */
    Optional<String> liveFileName(long roomId, long publicationId) {
        return jdbc.sql("""
                SELECT coalesce(file_name, '—') FROM core.publications WHERE id = :file AND channel_id = :room AND NOT deleted
                """).param("file", publicationId).param("room", roomId).query(String.class).optional();
    }

    private Optional<ViewSeries> series(long roomId, long publicationId, ZoneId zone) {
        record Span(Instant since, Instant first, Instant last, Instant refreshed) {
        }
        Span span = jdbc.sql("""
                SELECT min(p.posted_at) AS since, min(h.first) AS first, max(h.last) AS last,
                       max(p.views_refreshed_at) AS refreshed
                  FROM core.publications p
                  LEFT JOIN LATERAL (SELECT min(captured_at) AS first, max(captured_at) AS last
                                       FROM analytics.view_snapshots WHERE publication_id = p.id) h ON true
                 WHERE p.channel_id = :room AND NOT p.deleted AND (:file = 0 OR p.id = :file)
                """).param("room", roomId).param("file", publicationId)
                .query((rs, n) -> new Span(instant(rs.getTimestamp("since")), instant(rs.getTimestamp("first")),
                        instant(rs.getTimestamp("last")), instant(rs.getTimestamp("refreshed"))))
                .single();
        if (span.last() == null) {
            return Optional.empty();
        }
        Instant start = span.since().isBefore(span.first()) ? span.since() : span.first();
        Instant end = span.refreshed() != null && span.refreshed().isAfter(span.last()) ? span.refreshed() : span.last();
        ViewSeries.Unit unit = ViewSeries.Unit.forSpan(Duration.between(start, end));
        List<ViewSeries.Point> points = new ArrayList<>();
        points.add(new ViewSeries.Point(start, 0));
        points.addAll(jdbc.sql(SERIES).param("unit", unit.sql()).param("zone", zone.getId())
                .param("room", roomId).param("file", publicationId)
                .query((rs, n) -> new ViewSeries.Point(rs.getTimestamp("at").toInstant(), rs.getLong("total")))
                .list());
        ViewSeries.Point last = points.get(points.size() - 1);
        if (end.isAfter(last.at())) {
            points.add(new ViewSeries.Point(end, last.views())); // still that many when last refreshed
        }
        return Optional.of(new ViewSeries(points, unit));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
