package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.userbot.testing.OwnDatabase;

/** The sandbox gateway's sessions live in PostgreSQL, seen alike by every instance; an old sessions file is imported. */
class SandboxSessionsTests {

    private static final SandboxHttp NOWHERE = new SandboxHttp(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1));

    private final SandboxSessions sessions = new SandboxSessions(JdbcClient.create(OwnDatabase.newMigratedDatabase()));

    @Test
    void aSessionStoredByOneInstanceIsSeenByAnother() {
        SandboxGateway first = new SandboxGateway(NOWHERE, sessions);
        SandboxGateway second = new SandboxGateway(NOWHERE, sessions);

        sessions.loginStarted(501L, "+79990000501", "hash501");
        assertThat(second.authState(501L).name()).isEqualTo("wait_code");
        sessions.connected(501L, "sbx_token501");

        assertThat(second.accounts()).containsExactly(501L);
        assertThat(second.authState(501L).authorized()).isTrue();
        assertThat(first.authState(502L).authorized()).isFalse();
        assertThat(sessions.pending(501L)).as("the login's phone_code_hash is gone once connected").isEmpty();
    }

    @Test
    void anOldSessionsFileIsImportedWithoutOverwritingNewerRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sandbox-sessions.json");
        Files.writeString(file, "{\"601\":\"sbx_from_file_601\",\"602\":\"sbx_from_file_602\"}");
        sessions.connected(602L, "sbx_newer_602");

        int imported = sessions.importMissing(new SandboxSessionFile(file).load());

        assertThat(imported).isEqualTo(1);
        assertThat(sessions.token(601L)).contains("sbx_from_file_601");
        assertThat(sessions.token(602L)).contains("sbx_newer_602");
        assertThat(new SandboxSessionFile(dir.resolve("absent.json")).load()).isEmpty();
    }
}
