package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/** Every error of the API over the sandbox gateway, as problem details with the documented status and type. */
class SandboxErrorContractTests extends SandboxApiTestSupport {

    @Test
    void aMissingOrWrongTokenIs401AndReachesNoTelegram() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        String body = "{\"account\":" + owner + ",\"chatId\":" + chatId + ",\"messageIds\":[1]}";
        HttpResponse<String>[] answers = new HttpResponse[2];

        int calls = mtprotoCalls("getViews", () -> {
            answers[0] = rawPost("/rooms/get_views", null, body);
            answers[1] = rawPost("/rooms/get_views", TOKEN + "x", body);
        });

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(r.body()).contains(UserbotProblems.UNAUTHENTICATED.toString());
        });
        assertThat(calls).isZero();
    }

    @Test
    void anInvalidFieldIs400NamingIt() {
        HttpResponse<String> badPhone = rawPost("/session/login/start", TOKEN, "{\"account\":5,\"phone\":\"call me\"}");
        HttpResponse<String> noTitle = rawPost("/rooms/create", TOKEN, "{\"account\":5}");
        HttpResponse<String> notANumber = rawPost("/rooms/get_views", TOKEN, "{\"account\":5,\"chatId\":\"-100abc\",\"messageIds\":[1]}");

        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(badPhone.body()).contains(UserbotProblems.INVALID_REQUEST.toString()).contains("phone");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("chatId");
    }

    @Test
    void tenThousandAndOneIdsOrATenMegabyteBodyAre400BeforeTelegram() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        String ids = LongStream.rangeClosed(1, 10_001).mapToObj(Long::toString).collect(Collectors.joining(","));
        HttpResponse<String>[] answers = new HttpResponse[2];

        int calls = mtprotoCalls("getViews", () -> {
            answers[0] = rawPost("/rooms/get_views", TOKEN, "{\"account\":" + owner + ",\"chatId\":" + chatId + ",\"messageIds\":[" + ids + "]}");
            answers[1] = rawPost("/rooms/get_views", TOKEN, "{\"account\":" + owner + ",\"chatId\":" + chatId
                    + ",\"messageIds\":[1],\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}");
        });

        assertThat(answers[0].statusCode()).isEqualTo(400);
        assertThat(answers[0].body()).contains(UserbotProblems.INVALID_REQUEST.toString()).contains("messageIds");
        assertThat(answers[1].statusCode()).isEqualTo(400);
        assertThat(answers[1].body()).contains(UserbotProblems.INVALID_REQUEST.toString()).contains("limit");
        assertThat(calls).isZero();
    }

    @Test
    void anAccountNeverConnectedIs404() {
        long stranger = newUser(null);

        failure(() -> userbot.getViews(new GetViewsRequest(stranger, -1001L, List.of(1L))), UserbotRejectedException.class, 404, UserbotProblems.UNKNOWN_ACCOUNT);
        failure(() -> userbot.createRoom(new CreateRoomRequest(stranger, "Дача", null)), UserbotRejectedException.class, 404, UserbotProblems.UNKNOWN_ACCOUNT);
    }

    @Test
    void aChatTelegramDoesNotKnowIs404() {
        long owner = connectedAccount();
        long unknownChat = -1009999999999L;

        failure(() -> userbot.getViews(new GetViewsRequest(owner, unknownChat, List.of(1L))), UserbotRejectedException.class, 404, UserbotProblems.CHAT_NOT_FOUND);
        failure(() -> userbot.memberCount(new ChatRequest(owner, unknownChat)), UserbotRejectedException.class, 404, UserbotProblems.CHAT_NOT_FOUND);
    }

    @Test
    void anAccountWhoseLoginIsUnfinishedIs409WithItsState() {
        long account = newUser("pw");
        userbot.startLogin(new LoginStartRequest(account, phone(account)));

        UserbotRejectedException e = failure(() -> userbot.memberCount(new ChatRequest(account, -1001L)),
                UserbotRejectedException.class, 409, UserbotProblems.NOT_AUTHORIZED);

        assertThat(e.getMessage()).contains("Userbot не авторизован").contains("wait_code");
        assertThat(e.isNotAuthorized()).isTrue();
    }

    @Test
    void aSessionTelegramEndedIs409() {
        long account = connectedAccount();
        long chatId = newRoom(account);
        sandbox.reset(); // Telegram forgets every session, as when the user ends it from their settings

        failure(() -> userbot.memberCount(new ChatRequest(account, chatId)), UserbotRejectedException.class, 409, UserbotProblems.NOT_AUTHORIZED);
    }

    @Test
    void aChannelTheAccountDoesNotAdministerIs403() {
        long account = connectedAccount();
        long owner = newUser(null);
        long foreign = sandbox.createChannel(owner, "Чужой").id();

        UserbotRejectedException views = failure(() -> userbot.getViews(new GetViewsRequest(account, foreign, List.of(1L))),
                UserbotRejectedException.class, 403, UserbotProblems.NO_ACCESS);
        failure(() -> userbot.getAdmins(new ChatRequest(account, foreign)), UserbotRejectedException.class, 403, UserbotProblems.NO_ACCESS);
        failure(() -> userbot.addBotAdmin(new AddBotAdminRequest(account, foreign, BOT_ID, null, null)), UserbotRejectedException.class, 403, UserbotProblems.NO_ACCESS);
        failure(() -> userbot.joinRequests(new JoinRequestsRequest(account, foreign, null, null, null)), UserbotRejectedException.class, 403, UserbotProblems.NO_ACCESS);

        assertThat(views.getMessage()).contains("Нет доступа к каналу");
        assertThat(views.isNoAccess()).isTrue();
    }

    @Test
    void aFloodWaitInTheSandboxIs429WithItsRetryAfter() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        sandbox.addFault("mtproto:getViews", "FLOOD_WAIT", 42, null, 1);

        HttpResponse<String> raw = rawPost("/rooms/get_views", TOKEN, "{\"account\":" + owner + ",\"chatId\":" + chatId + ",\"messageIds\":[1]}");
        sandbox.addFault("mtproto:getViews", "FLOOD_WAIT", 7, null, 1);

        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("42");
        assertThat(raw.body()).contains(UserbotProblems.FLOOD_WAIT.toString()).contains("\"retryAfter\":42");
        assertThat(failure(() -> userbot.getViews(new GetViewsRequest(owner, chatId, List.of(1L))), UserbotFloodWaitException.class, 429, UserbotProblems.FLOOD_WAIT)
                .retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aSandboxOutageIs503() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        sandbox.addFault("mtproto:*", "OUTAGE", null, null, 2);

        failure(() -> userbot.getViews(new GetViewsRequest(owner, chatId, List.of(1L))), UserbotUnavailableException.class, 503, UserbotProblems.TELEGRAM_UNAVAILABLE);
        failure(() -> userbot.createRoom(new CreateRoomRequest(owner, "Баня", null)), UserbotUnavailableException.class, 503, UserbotProblems.TELEGRAM_UNAVAILABLE);
        assertThat(userbot.sessionStatus(owner).accounts().get(0).lastError()).contains("503");
    }
}
