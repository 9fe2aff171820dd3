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
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.ViewsResponse;
import tools.jackson.databind.json.JsonMapper;

/** /rooms/*: batching, numeric keys, and each Telegram failure as its HTTP status. */
class RoomsApiTests extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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
    void aFloodWaitAfterTwoBatchesAnswersTheirCountsAndTheStopToCallersTakingPartialAnswers() {
        telegram.connect(5);
        telegram.viewBatchesBeforeFailure = 2;
        telegram.failure = TelegramException.floodWait(Duration.ofSeconds(35), "Too Many Requests: retry after 35");
        String ids = LongStream.rangeClosed(1, 250).mapToObj(Long::toString).collect(Collectors.joining(","));

        HttpResponse<String> partial = post("/rooms/get_views",
                "{\"account\":5,\"chatId\":-1001,\"partial\":true,\"messageIds\":[" + ids + "]}");

        assertThat(partial.statusCode()).isEqualTo(200);
        ViewsResponse answer = JSON.readValue(partial.body(), ViewsResponse.class);
        assertThat(answer.views()).hasSize(180).containsEntry(7L, 14).containsEntry(199L, 398).doesNotContainKey(201L);
        assertThat(answer.missing()).hasSize(20).contains(10L, 200L).doesNotContain(210L);
        assertThat(answer.stopped()).isEqualTo(new ViewsResponse.Stop(429, UserbotProblems.FLOOD_WAIT,
                "Too Many Requests: retry after 35", 35L));
        assertThat(answer.stopped().toException()).isInstanceOfSatisfying(UserbotFloodWaitException.class,
                flood -> assertThat(flood.retryAfter()).isEqualTo(Duration.ofSeconds(35)));
        assertThat(telegram.viewCalls).extracting(List::size).containsExactly(100, 100);

        telegram.viewCalls.clear();
        HttpResponse<String> whole = post("/rooms/get_views", "{\"account\":5,\"chatId\":-1001,\"messageIds\":[" + ids + "]}");
        assertThat(whole.statusCode()).as("a caller without partial gets the error alone, as before").isEqualTo(429);
        assertThat(whole.headers().firstValue("Retry-After")).hasValue("35");

        telegram.viewCalls.clear();
        telegram.viewBatchesBeforeFailure = 0;
        HttpResponse<String> nothingRead = post("/rooms/get_views",
                "{\"account\":5,\"chatId\":-1001,\"partial\":true,\"messageIds\":[" + ids + "]}");
        assertThat(nothingRead.statusCode()).as("nothing read: the error alone").isEqualTo(429);
    }

    @Test
    void aCompleteAnswerHasNoStop() {
        telegram.connect(5);

        HttpResponse<String> response = post("/rooms/get_views", "{\"account\":5,\"chatId\":-1001,\"partial\":true,\"messageIds\":[1,2]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("stopped");
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
