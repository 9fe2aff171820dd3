package ru.smetabot.bot.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Views over time as a step function: each point is the count from {@code at} until the next point.
 *
 * @param unit the bucket the history was thinned to (one point per bucket), which also decides the date labels
 */
record ViewSeries(List<Point> points, Unit unit) {

    ViewSeries {
        points = List.copyOf(points);
    }

    record Point(Instant at, long views) {
    }

    Point last() {
        return points.get(points.size() - 1);
    }

    /** PostgreSQL date_trunc fields, the finest giving at most a few hundred points over the span. */
    enum Unit {
        HOUR("hour", "dd.MM HH:mm"), DAY("day", "dd.MM"), WEEK("week", "dd.MM.yy"), MONTH("month", "MM.yyyy");

        private final String sql;
        private final String datePattern;

        Unit(String sql, String datePattern) {
            this.sql = sql;
            this.datePattern = datePattern;
        }

        static Unit forSpan(Duration span) {
            long days = span.toDays();
            return days <= 16 ? HOUR : days <= 400 ? DAY : days <= 2_800 ? WEEK : MONTH;
        }

        String sql() {
            return sql;
        }

        String datePattern() {
            return datePattern;
        }
    }
}
