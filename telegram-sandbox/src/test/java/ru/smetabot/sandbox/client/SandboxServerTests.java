package ru.smetabot.sandbox.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Starting a separate sandbox in-process with its own settings, as other modules' tests do. */
class SandboxServerTests {

    @Test
    void startsOnARandomPortWithGivenPropertiesAndStops() {
        int port;
        try (SandboxServer sandbox = SandboxServer.start(Map.of("sandbox.bots", "31:other=other_bot",
                "sandbox.view-cooldown", "PT10S"))) {
            port = sandbox.port();
            SandboxClient client = sandbox.client();
            client.createUser(5L, "Viewer", "viewer");
            long chatId = client.createChannel(5L, "Cooldown").id();
            client.postToChannel(chatId, 5L, "post");

            client.readChannel(chatId, 5L);
            client.advanceClock(Duration.ofSeconds(11));
            int views = client.readChannel(chatId, 5L).get(0).views();

            assertThat(port).isPositive();
            assertThat(sandbox.baseUrl()).isEqualTo("http://localhost:" + port);
            assertThat(views).isEqualTo(2);
            assertThat(client.createBot("32:x", "x_bot").id()).isEqualTo(32L);
        }
    }
}
