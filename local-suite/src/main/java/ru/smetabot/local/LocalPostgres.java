package ru.smetabot.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local run's PostgreSQL: zonky's embedded server (the production major version) whose data
 * folder is kept, so rooms and files survive a restart of {@code ./run-local}.
 */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "smetabot";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        LocalPostgres postgres = new LocalPostgres(server);
        postgres.createDatabaseIfMissing();
        return postgres;
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", DATABASE);
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the local database " + DATABASE, e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
