package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;
import ru.smetabot.userbot.UserbotProperties;

/** A wrong SESSION_ENCRYPTION_KEY stops start-up with a clear message instead of silently losing the sessions. */
class SessionKeyCheckTests {

    @TempDir
    Path sessions;

    @Test
    void theFirstStartRecordsTheKeyAndTheSameKeyPassesLater() throws Exception {
        SessionKeyCheck.verify(sessions, "right-key");

        Path file = sessions.resolve(SessionKeyCheck.FILE);
        assertThat(Files.readString(file)).doesNotContain("right-key").contains(SessionKeyCheck.checkValue("right-key"));
        assertThatCode(() -> SessionKeyCheck.verify(sessions, "right-key")).doesNotThrowAnyException();
    }

    @Test
    void aDifferentKeyIsRefusedNamingTheSetting() {
        SessionKeyCheck.verify(sessions, "right-key");

        assertThatThrownBy(() -> SessionKeyCheck.verify(sessions, "wrong-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SESSION_ENCRYPTION_KEY does not match")
                .hasMessageContaining(sessions.toAbsolutePath().toString());
    }

    @Test
    void aMissingSessionsDirectoryIsCreated() {
        Path nested = sessions.resolve("a/b");

        SessionKeyCheck.verify(nested, "k");

        assertThat(nested.resolve(SessionKeyCheck.FILE)).exists();
    }

    @Test
    void theServiceDoesNotStartWithAWrongKeyAndNeverLoadsTdlib() {
        SessionKeyCheck.verify(sessions, "right-key-of-at-least-thirty-two-bytes");

        new ApplicationContextRunner()
                .withUserConfiguration(TdlibOnly.class)
                .withPropertyValues("smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=tdlib",
                        "smetabot.userbot.tdlib-path=/nonexistent/libtdjson.so", "smetabot.userbot.api-id=1",
                        "smetabot.userbot.api-hash=h", "smetabot.userbot.session-encryption-key=wrong-key-of-at-least-thirty-two-bytes",
                        "smetabot.userbot.sessions-dir=" + sessions)
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("SESSION_ENCRYPTION_KEY does not match"));
    }

    @EnableConfigurationProperties(UserbotProperties.class)
    @Import(TdlibConfiguration.class)
    static class TdlibOnly {
    }
}
