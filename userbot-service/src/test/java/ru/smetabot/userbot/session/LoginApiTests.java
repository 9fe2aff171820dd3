package ru.smetabot.userbot.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbot.ApiTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The login state machine: steps, expiry, and no login can touch another account's session. */
class LoginApiTests extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void phoneCodePasswordReady() {
        JsonNode start = json(post("/session/login/start", "{\"account\":19,\"phone\":\"+700000019\"}"));
        assertThat(start.path("state").asString()).isEqualTo("code_required");
        String loginId = start.path("loginId").asString();

        HttpResponse<String> wrong = post("/session/login/code", "{\"loginId\":\"" + loginId + "\",\"code\":\"11111\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);

        JsonNode code = json(post("/session/login/code", "{\"loginId\":\"" + loginId + "\",\"code\":\"12345\"}"));
        assertThat(code.path("state").asString()).isEqualTo("password_required");

        JsonNode ready = json(post("/session/login/password", "{\"loginId\":\"" + loginId + "\",\"password\":\"secret\"}"));
        assertThat(ready.path("state").asString()).isEqualTo("ready");

        JsonNode status = json(get("/session/status?account=19")).path("accounts").get(0);
        assertThat(status.path("authorized").asBoolean()).isTrue();
        assertThat(status.path("authorizationState").asString()).isEqualTo("authorizationStateReady");
        assertThat(status.path("lastSuccessAt").asString()).isNotBlank();
    }

    @Test
    void anAttemptExpires() {
        String loginId = json(post("/session/login/start", "{\"account\":21,\"phone\":\"+700000021\"}")).path("loginId").asString();
        clock.advance(Duration.ofMinutes(11));

        HttpResponse<String> late = post("/session/login/code", "{\"loginId\":\"" + loginId + "\",\"code\":\"12345\"}");

        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(late.body()).contains("expired");
    }

    @Test
    void aConnectedAccountIsNotReplaced() {
        telegram.connect(30);

        HttpResponse<String> again = post("/session/login/start", "{\"account\":30,\"phone\":\"+700000031\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(telegram.phones.get(30L)).isEqualTo("+700000030");
    }

    @Test
    void aLoginThatEndsAsAnotherUserIsDiscarded() {
        telegram.connect(41);
        String loginId = json(post("/session/login/start", "{\"account\":40,\"phone\":\"+700000041\"}")).path("loginId").asString();

        HttpResponse<String> code = post("/session/login/code", "{\"loginId\":\"" + loginId + "\",\"code\":\"12345\"}");

        assertThat(code.statusCode()).isEqualTo(409);
        assertThat(code.body()).contains("belongs to Telegram user 41");
        assertThat(telegram.loggedOut).containsExactly(40L);
        assertThat(telegram.authState(41).authorized()).isTrue();
    }

    @Test
    void aLoginIdIsNotAGuess() {
        HttpResponse<String> response = post("/session/login/code", "{\"loginId\":\"nope\",\"code\":\"12345\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void logoutForgetsTheAccount() {
        telegram.connect(50);

        assertThat(post("/session/logout", "{\"account\":50}").body()).contains("\"authorized\":false");
        assertThat(post("/session/logout", "{\"account\":50}").statusCode()).isEqualTo(404);
    }
}
