package ru.smetabot.bot.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a periodic job on one bot instance per period. Two guards, both in PostgreSQL: a session advisory lock
 * ({@code pg_try_advisory_lock}) on a connection of the job's own, held while the job runs, so no two instances
 * run it at the same time (an instance that dies drops its connection and so its lock); and
 * {@code core.job_runs}, whose row is claimed in one statement only when the last start is at least 90% of
 * the period ago, so an instance whose timer fires just after another's run skips this period.
 * Hand-written rather than ShedLock: ShedLock is not among the packages this build may use, and the whole
 * mechanism is two statements on a connection.
 */
@Component
public class OncePerPeriod {

    private static final Logger log = LoggerFactory.getLogger(OncePerPeriod.class);
    private static final String LOCK_PREFIX = "smetabot.job:";

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final String instance;

    OncePerPeriod(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.instance = ManagementFactory.getRuntimeMXBean().getName(); // pid@host: which instance ran it
    }

    /**
     * Runs {@code work} unless another instance runs {@code job} now or started it less than 90% of
     * {@code period} ago; empty when skipped. A database that does not answer fails the call (the job's next
     * tick tries again).
     */
    public <T> Optional<T> run(String job, Duration period, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!advisory(connection, "SELECT pg_try_advisory_lock(hashtext(?))", job)) {
                skipped(job, "running elsewhere");
                return Optional.empty();
            }
            try {
                if (!claim(connection, job, period.multipliedBy(9).dividedBy(10))) {
                    skipped(job, "done this period");
                    return Optional.empty();
                }
                meters.counter("smetabot.bot.jobs.runs", "job", job, "outcome", "ran").increment();
                T result = work.get();
                finished(connection, job);
                return Optional.ofNullable(result);
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(hashtext(?))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job " + job + ": cannot take its lock in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void skipped(String job, String why) {
        meters.counter("smetabot.bot.jobs.runs", "job", job, "outcome", "skipped").increment();
        log.debug("Job {} skipped on {}: {}", job, instance, why);
    }

    private static boolean advisory(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, LOCK_PREFIX + job);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private boolean claim(Connection connection, String job, Duration gap) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO core.job_runs AS r (job, started_at, instance) VALUES (?, now(), ?)
                ON CONFLICT (job) DO UPDATE SET started_at = EXCLUDED.started_at, finished_at = NULL,
                       instance = EXCLUDED.instance
                 WHERE r.started_at <= now() - make_interval(secs => ?)
                RETURNING 1""")) {
            statement.setString(1, job);
            statement.setString(2, instance);
            statement.setDouble(3, gap.toMillis() / 1000.0);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void finished(Connection connection, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE core.job_runs SET finished_at = now() WHERE job = ?")) {
            statement.setString(1, job);
            statement.executeUpdate();
        }
    }
}
