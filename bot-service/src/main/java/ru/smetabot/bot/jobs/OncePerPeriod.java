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
 * {@code core.job_runs}, where a run's row is inserted in one statement only when the job's last start is at
 * least 90% of the period ago, so an instance whose timer fires just after another's run skips this period.
 * The rows are the jobs' history (one per run, which instance, start and finish), kept for 7 days.
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
                Optional<Long> run = claim(connection, job, period.multipliedBy(9).dividedBy(10));
                if (run.isEmpty()) {
                    skipped(job, "done this period");
                    return Optional.empty();
                }
                meters.counter("smetabot.bot.jobs.runs", "job", job, "outcome", "ran").increment();
                T result = work.get();
                finished(connection, run.get(), job);
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

    private Optional<Long> claim(Connection connection, String job, Duration gap) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO core.job_runs (job, started_at, instance)
                SELECT ?, now(), ?
                 WHERE NOT EXISTS (SELECT 1 FROM core.job_runs
                                    WHERE job = ? AND started_at > now() - make_interval(secs => ?))
                RETURNING id""")) {
            statement.setString(1, job);
            statement.setString(2, instance);
            statement.setString(3, job);
            statement.setDouble(4, gap.toMillis() / 1000.0);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Marks the run finished and drops the job's rows older than the kept history. */
    private static void finished(Connection connection, long run, String job) throws SQLException {
        try (PreparedStatement done = connection.prepareStatement(
                "UPDATE core.job_runs SET finished_at = now() WHERE id = ?");
                PreparedStatement old = connection.prepareStatement(
                        "DELETE FROM core.job_runs WHERE job = ? AND started_at < now() - interval '7 days'")) {
            done.setLong(1, run);
            done.executeUpdate();
            old.setString(1, job);
            old.executeUpdate();
        }
    }
}
