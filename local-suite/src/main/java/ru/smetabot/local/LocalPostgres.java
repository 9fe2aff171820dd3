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
 * folder is kept, so rooms and files survive a restart of {@code ./run-local}. It listens on the suite's
 * bind address only (and on loopback, where zonky's own connections go).
 */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "smetabot";

    private final EmbeddedPostgres server;
    private final String host;

    private LocalPostgres(EmbeddedPostgres server, String host) {
        this.server = server;
        this.host = host;
    }

    /** {@code host}: how the services reach it (localhost, or the one address it listens on besides loopback). */
    static LocalPostgres start(Path dataDir, int port, String bindAddress, String host) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", listenAddresses(bindAddress))
                .start();
        LocalPostgres postgres = new LocalPostgres(server, host);
        postgres.createDatabaseIfMissing();
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + server.getPort() + "/" + DATABASE + "?user=postgres";
    }

    /** PostgreSQL's {@code listen_addresses}: the bind address, plus loopback, which zonky itself connects to. */
    static String listenAddresses(String bindAddress) {
        boolean loopbackIncluded = switch (bindAddress) {
            case "127.0.0.1", "localhost", "0.0.0.0", "*", "::" -> true;
            default -> false;
        };
        return loopbackIncluded ? bindAddress : bindAddress + ",127.0.0.1";
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
