package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With USERBOT_SANDBOX_SESSIONS_FILE a connected sandbox account is still connected after a restart. */
class SandboxSessionFileTests {

    private static final SandboxHttp NOWHERE = new SandboxHttp(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1));

    @Test
    void aNewGatewayOnTheSameFileKnowsTheConnectedAccounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sessions").resolve("sandbox-sessions.json");
        new SandboxSessionFile(file).save(Map.of(501L, "sbx_token501"));

        SandboxGateway restarted = new SandboxGateway(NOWHERE, file);

        assertThat(restarted.accounts()).containsExactly(501L);
        assertThat(restarted.authState(501L).authorized()).isTrue();
        assertThat(restarted.authState(502L).authorized()).isFalse();
        assertThat(Files.readString(file)).contains("sbx_token501");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void withoutAFileSessionsLiveInMemoryOnly(@TempDir Path dir) {
        assertThat(new SandboxGateway(NOWHERE).accounts()).isEmpty();
        assertThat(new SandboxSessionFile(dir.resolve("absent.json")).load()).isEmpty();
    }
}
