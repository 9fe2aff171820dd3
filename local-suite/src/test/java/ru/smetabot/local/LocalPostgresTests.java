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
        try (LocalPostgres first = LocalPostgres.start(dataDir, port);
                Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('смета')");
        }

        try (LocalPostgres second = LocalPostgres.start(dataDir, port);
                Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("смета");
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
