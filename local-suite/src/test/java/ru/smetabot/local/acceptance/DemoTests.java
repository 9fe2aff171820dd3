package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.smetabot.local.SuiteSettings;
import ru.smetabot.local.demo.Demo;
import ru.smetabot.local.demo.DemoServer;

/**
 * The guided demo of ./run-local (the page's "▶ Демо", ./run-local --demo) against the running suite: after one
 * run the owner's room has the three files with two views each in the bot's database, two clients who came by
 * the demo's link, and the card the owner was shown says so.
 */
@ExtendWith(SharedSuite.class)
class DemoTests {

    private final Suite suite;

    DemoTests(Suite suite) {
        this.suite = suite;
    }

    @Test
    void oneRunLeavesARoomWithFilesViewsAndClients() {
        SuiteSettings settings = suite.local().settings();
        Demo demo = new Demo(suite.local().sandboxUrl(), settings.botToken(),
                "http://localhost:" + settings.ports().userbot(), settings.apiToken());
        List<String> steps = new ArrayList<>();

        long owner = demo.run(steps::add);

        assertThat(steps).containsSubsequence("owner", "account", "room", "files", "link", "clients", "card");
        long room = suite.queryLong("""
                SELECT c.id FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id
                 WHERE k.tg_user_id = ?""", owner);
        assertThat(suite.query("SELECT views FROM core.publications WHERE channel_id = ? ORDER BY message_id", room))
                .containsExactly(List.of(2), List.of(2), List.of(2));
        assertThat(suite.queryLong("""
                SELECT count(*) FROM core.clients WHERE channel_id = ? AND status = 'active' AND invite_id IS NOT NULL""",
                room)).isEqualTo(2);
        String card = suite.sandbox().readDialog(owner, suite.botId()).messages().stream()
                .map(m -> m.text() == null ? "" : m.text()).filter(t -> t.contains("📌 Иванов — кухня"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(card).contains("Файлов: 3").contains("Просмотров: 6");
    }

    @Test
    void theEndpointSaysIdleUntilADemoIsGivenAndRefusesToStartWithoutOne() throws Exception {
        try (DemoServer server = DemoServer.open()) {
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(server.url())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.body()).isEqualTo("{\"state\":\"idle\"}");
            HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(start.statusCode()).isEqualTo(503);
        }
    }
}
