package ru.smetabot.userbot.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbot.ApiTestSupport;
import ru.smetabot.userbot.gateway.LoginBlockedException;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbotapi.UserbotProblems;
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
        assertThat(json(again).path("type").asString()).isEqualTo(UserbotProblems.ALREADY_CONNECTED.toString());
        assertThat(telegram.phones.get(30L)).isEqualTo("+700000030");
    }

    @Test
    void aLoginThatEndsAsAnotherUserIsDiscarded() {
        telegram.connect(41);
        String loginId = json(post("/session/login/start", "{\"account\":40,\"phone\":\"+700000041\"}")).path("loginId").asString();

        HttpResponse<String> code = post("/session/login/code", "{\"loginId\":\"" + loginId + "\",\"code\":\"12345\"}");

        assertThat(code.statusCode()).isEqualTo(409);
        assertThat(code.body()).contains("belongs to Telegram user 41");
        assertThat(json(code).path("type").asString()).isEqualTo(UserbotProblems.OTHER_ACCOUNT.toString());
        assertThat(telegram.loggedOut).containsExactly(40L);
        assertThat(telegram.authState(41).authorized()).isTrue();
    }

    @Test
    void aLoginIdIsNotAGuess() {
        HttpResponse<String> response = post("/session/login/code", "{\"loginId\":\"nope\",\"code\":\"12345\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void loginFailuresHaveDistinctProblemTypesNotSentences() {
        telegram.loginFailure = new LoginBlockedException(LoginBlockedException.Need.PREMIUM_PURCHASE, "premium");
        HttpResponse<String> premium = post("/session/login/start", "{\"account\":60,\"phone\":\"+700000060\"}");
        telegram.loginFailure = new TelegramException(TelegramException.Kind.CODE_EXPIRED, 400, "PHONE_CODE_EXPIRED");
        HttpResponse<String> expired = post("/session/login/start", "{\"account\":61,\"phone\":\"+700000061\"}");
        telegram.loginFailure = new TelegramException(TelegramException.Kind.SESSION_UNUSABLE, 0, "401 Wrong database encryption key");
        HttpResponse<String> broken = post("/session/login/start", "{\"account\":62,\"phone\":\"+700000062\"}");

        assertThat(premium.statusCode()).isEqualTo(422);
        assertThat(json(premium).path("type").asString()).isEqualTo(UserbotProblems.LOGIN_PREMIUM_REQUIRED.toString());
        assertThat(json(expired).path("type").asString()).isEqualTo(UserbotProblems.CODE_EXPIRED.toString());
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(json(broken).path("type").asString()).isEqualTo(UserbotProblems.SESSION_UNUSABLE.toString());
    }

    @Test
    void aSessionTdlibCannotOpenShowsTdlibsErrorInTheStatus() {
        telegram.states.put(70L, "authorizationStateWaitTdlibParameters");
        telegram.sessionErrors.put(70L, "TDLib refused the session (setTdlibParameters): 401 Wrong database encryption key");

        JsonNode status = json(get("/session/status?account=70")).path("accounts").get(0);

        assertThat(status.path("authorized").asBoolean()).isFalse();
        assertThat(status.path("lastError").asString()).contains("401 Wrong database encryption key");
    }

    @Test
    void logoutForgetsTheAccount() {
        telegram.connect(50);

        assertThat(post("/session/logout", "{\"account\":50}").body()).contains("\"authorized\":false");
        assertThat(post("/session/logout", "{\"account\":50}").statusCode()).isEqualTo(404);
    }
}
