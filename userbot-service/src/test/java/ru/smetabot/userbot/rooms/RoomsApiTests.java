package ru.smetabot.userbot.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbot.ApiTestSupport;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramException.Kind;

/** /rooms/*: batching, numeric keys, and each Telegram failure as its HTTP status. */
class RoomsApiTests extends ApiTestSupport {

    private static final String VIEWS_OF_ONE = "{\"account\":5,\"chatId\":-1001,\"messageIds\":[1]}";

    @Test
    void twoHundredFiftyIdsAreAskedInThreeBatches() {
        telegram.connect(5);
        String ids = LongStream.rangeClosed(1, 250).mapToObj(Long::toString).collect(Collectors.joining(","));

        HttpResponse<String> response = post("/rooms/get_views", "{\"account\":5,\"chatId\":-1001,\"messageIds\":[" + ids + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(telegram.viewCalls).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(response.body()).contains("\"7\":14").contains("\"missing\":[10,20,30");
    }

    @Test
    void anUnknownAccountIs404() {
        HttpResponse<String> response = post("/rooms/get_views", VIEWS_OF_ONE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Userbot не авторизован").contains("unknown-account");
    }

    @Test
    void anAccountWaitingForItsCodeIs409() {
        telegram.states.put(5L, "authorizationStateWaitCode");

        HttpResponse<String> response = post("/rooms/get_views", VIEWS_OF_ONE);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("authorizationStateWaitCode");
    }

    @Test
    void floodWaitIs429WithRetryAfter() {
        telegram.connect(5);
        telegram.failure = TelegramException.floodWait(Duration.ofSeconds(35), "Too Many Requests: retry after 35");

        HttpResponse<String> response = post("/rooms/get_views", VIEWS_OF_ONE);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("35");
        assertThat(get("/session/status?account=5").body()).contains("retry after 35");
    }

    @Test
    void noAccessIs403AndTelegramDownIs503() {
        telegram.connect(5);
        telegram.failure = new TelegramException(Kind.NO_ACCESS, 403, "Нет доступа к каналу: CHAT_ADMIN_REQUIRED");
        assertThat(post("/rooms/get_admins", "{\"account\":5,\"chatId\":-1001}").statusCode()).isEqualTo(403);

        telegram.failure = new TelegramException(Kind.UNAVAILABLE, 0, "TDLib did not answer");
        assertThat(post("/rooms/member_count", "{\"account\":5,\"chatId\":-1001}").statusCode()).isEqualTo(503);

        telegram.failure = new TelegramException(Kind.NOT_FOUND, 400, "Chat not found");
        assertThat(post("/rooms/member_count", "{\"account\":5,\"chatId\":-1001}").statusCode()).isEqualTo(404);
    }

    @Test
    void createAddAdminAndListAdmins() {
        telegram.connect(5);

        assertThat(post("/rooms/create", "{\"account\":5,\"title\":\"Кухня\",\"about\":\"\"}").body()).contains("\"chatId\":-1009000000001");
        HttpResponse<String> admin = post("/rooms/add_bot_admin", "{\"account\":5,\"chatId\":-1009000000001,\"botUsername\":\"@smeta_bot\"}");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"botUserId\":777").contains("\"postMessages\":true");
        assertThat(post("/rooms/add_bot_admin", "{\"account\":5,\"chatId\":-1001}").body()).contains("botUserId or botUsername is required");
        assertThat(post("/rooms/get_admins", "{\"account\":5,\"chatId\":-1001}").body()).contains("\"isBot\":true").contains("\"isOwner\":true");
        assertThat(post("/rooms/member_count", "{\"account\":5,\"chatId\":-1001}").body()).contains("\"count\":5");
    }

    @Test
    void callsAreMetered() {
        telegram.connect(5);
        post("/rooms/get_views", VIEWS_OF_ONE);

        assertThat(get("/session/status").body()).contains("\"account\":5");
    }
}
