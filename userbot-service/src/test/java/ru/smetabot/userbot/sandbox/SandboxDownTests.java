package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.smetabot.userbot.testing.WithOwnDatabase;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotClients;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/**
 * The sandbox gateway with nothing listening at SANDBOX_URL (port 9): 503, not a hang or a 500.
 * Same settings as UserbotApplicationTests, so both share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=sandbox", "smetabot.userbot.sandbox-url=http://127.0.0.1:9"})
@WithOwnDatabase
class SandboxDownTests {

    @LocalServerPort
    int port;

    @Test
    void aSandboxThatIsDownIs503() {
        var userbot = UserbotClients.create(URI.create("http://127.0.0.1:" + port), "secret", Duration.ofSeconds(20));

        UserbotUnavailableException e = catchThrowableOfType(UserbotUnavailableException.class,
                () -> userbot.startLogin(new LoginStartRequest(5L, "+79990000005")));

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.problemType()).isEqualTo(UserbotProblems.TELEGRAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("unreachable");
    }
}
