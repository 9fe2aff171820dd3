package ru.smetabot.userbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbot.ApiTestSupport;

/** The edge: no call without the token, bad input answered 400 naming the field, as problem details. */
class ApiEdgeTests extends ApiTestSupport {

    @Test
    void aCallWithoutTokenIs401() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/session/status")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:smetabot:userbot:unauthenticated");
    }

    @Test
    void aWrongTokenIs401() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/rooms/get_views"))
                .header("Authorization", "Bearer test-tokeN").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":1,\"chatId\":-1001,\"messageIds\":[1]}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(telegram.viewCalls).isEmpty();
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = post("/rooms/get_views", "{\"account\":1,\"chatId\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:smetabot:userbot:invalid-request");
    }

    @Test
    void aWrongTypeNamesTheField() {
        HttpResponse<String> response = post("/rooms/get_views", "{\"account\":1,\"chatId\":\"abc\",\"messageIds\":[1]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("chatId");
    }

    @Test
    void aMissingFieldIsNamed() {
        HttpResponse<String> response = post("/rooms/get_views", "{\"account\":1,\"messageIds\":[1]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("chatId: must not be null");
    }

    @Test
    void tenThousandAndOneIdsAre400() {
        String ids = LongStream.rangeClosed(1, 10_001).mapToObj(Long::toString).collect(Collectors.joining(","));

        HttpResponse<String> response = post("/rooms/get_views", "{\"account\":1,\"chatId\":-1001,\"messageIds\":[" + ids + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("messageIds");
        assertThat(telegram.viewCalls).isEmpty();
    }

    @Test
    void aTenMegabyteBodyIs400() {
        String padding = "x".repeat(10 * 1024 * 1024);

        HttpResponse<String> response = post("/rooms/create", "{\"account\":1,\"title\":\"" + padding + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit");
    }
}
