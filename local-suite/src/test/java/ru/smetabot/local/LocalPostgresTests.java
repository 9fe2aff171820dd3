package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTests {

    @Test
    void dataSurvivesARestart(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        try (LocalPostgres first = LocalPostgres.start(dataDir, port, "127.0.0.1", "localhost");
                Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('смета')");
        }

        try (LocalPostgres second = LocalPostgres.start(dataDir, port, "127.0.0.1", "localhost");
                Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("смета");
        }
    }

    @Test
    void listensOnTheBindAddressOnly(@TempDir Path dataDir) throws Exception {
        try (LocalPostgres server = LocalPostgres.start(dataDir, freePort(), "127.0.0.1", "localhost");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SHOW listen_addresses")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
        }
        assertThat(LocalPostgres.listenAddresses("192.168.1.5")).as("zonky's own connections still reach it")
                .isEqualTo("192.168.1.5,127.0.0.1");
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
