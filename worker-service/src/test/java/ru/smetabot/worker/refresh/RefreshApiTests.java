package ru.smetabot.worker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.views.RoomFixture;
import ru.smetabot.views.RoomFixture.Room;

/** The /refresh API: token, problem details, on-demand refresh through Quartz, runs and active. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "smetabot.worker.userbot-api-token=userbot-secret",
        "smetabot.worker.api-token=worker-secret", "smetabot.worker.refresh-interval=1h",
        "spring.quartz.scheduler-name=api-tests"})
@WithEmbeddedPostgres
@Import(FakeUserbotConfiguration.class)
class RefreshApiTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RoomFixture rooms;

    @BeforeEach
    void setUp() {
        rooms = new RoomFixture(jdbc);
    }

    @Test
    void everyEndpointNeedsTheWorkerToken() {
        for (String path : new String[] {"/refresh/active", "/refresh/runs"}) {
            HttpResponse<String> none = call("GET", path, null);
            HttpResponse<String> wrong = call("GET", path, "userbot-secret");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
        assertThat(call("POST", "/refresh/rooms/1", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/refresh/all", "nope").statusCode()).isEqualTo(401);
    }

    @Test
    void malformedIdsAre400AndUnknownRoomsAre404AsProblemDetails() {
        HttpResponse<String> letters = call("POST", "/refresh/rooms/abc", "worker-secret");
        HttpResponse<String> negative = call("POST", "/refresh/rooms/-5", "worker-secret");
        HttpResponse<String> badLimit = call("GET", "/refresh/runs?limit=100000", "worker-secret");
        HttpResponse<String> unknown = call("POST", "/refresh/rooms/987654321", "worker-secret");

        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).contains("\"status\":400");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"title\":\"Unknown room\"").contains("room 987654321 does not exist");
    }

    @Test
    void refreshingARoomOnDemandRunsTheJobAndAnswersWithTheRun() {
        Room room = rooms.room(9101L);
        rooms.posts(room, 3, 0);
        FakeUserbotConfiguration.USERBOT.views(room.chatId(), 1, 4).views(room.chatId(), 2, 5).views(room.chatId(), 3, 6);

        HttpResponse<String> done = call("POST", "/refresh/rooms/" + room.id() + "?wait=20", "worker-secret");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"outcome\":\"refreshed\"").contains("\"trigger\":\"on_demand\"")
                .contains("\"updated\":3");
        assertThat(rooms.views(room, 3)).isEqualTo(6);
        HttpResponse<String> runs = call("GET", "/refresh/runs?room=" + room.id(), "worker-secret");
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).contains("\"roomId\":" + room.id());
        HttpResponse<String> queued = call("POST", "/refresh/rooms/" + room.id(), "worker-secret");
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.body()).contains("refresh-views-for-room");
    }

    @Test
    void aRoomInBackOffIsRefusedWith409AndRetryAfter() {
        Room room = rooms.room(9102L);
        rooms.posts(room, 1, 0);
        FakeUserbotConfiguration.USERBOT.thenOnce(request -> {
            throw new UserbotFloodWaitException(Duration.ofSeconds(120), null);
        });
        HttpResponse<String> flooded = call("POST", "/refresh/rooms/" + room.id() + "?wait=20", "worker-secret");
        assertThat(flooded.body()).contains("\"reason\":\"flood_wait\"");

        HttpResponse<String> again = call("POST", "/refresh/rooms/" + room.id(), "worker-secret");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();
        assertThat(again.body()).contains("back-off until");
    }

    @Test
    void activeShowsTheScheduleAndRefreshAllIsQueued() {
        HttpResponse<String> active = call("GET", "/refresh/active", "worker-secret");
        HttpResponse<String> all = call("POST", "/refresh/all", "worker-secret");

        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(active.body()).contains("\"schedule\":\"every PT1H\"").contains("\"nextPeriodicRun\"")
                .contains("\"rooms\":[").contains("\"jobs\":[");
        assertThat(all.statusCode()).isEqualTo(202);
        assertThat(all.body()).contains("refresh-views-periodic");
    }

    HttpResponse<String> call(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
