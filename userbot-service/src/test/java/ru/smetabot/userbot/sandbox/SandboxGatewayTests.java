package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotRejectedException;
import ru.smetabot.userbotapi.ViewsResponse;

/** The service with USERBOT_GATEWAY=sandbox against telegram-sandbox in-process, called through the contract client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.userbot.api-token=it-token", "smetabot.userbot.gateway=sandbox"})
@WithEmbeddedPostgres
class SandboxGatewayTests {

    private static final long BOT_ID = 700_001L;
    private static final long OWNER = 1001L;
    private static final SandboxServer SANDBOX = SandboxServer.start(Map.of("sandbox.bots", BOT_ID + ":it-bot-token=smeta_it_bot"));

    @LocalServerPort
    int port;

    private SandboxClient sandbox;
    private UserbotApi userbot;

    @DynamicPropertySource
    static void sandboxUrl(DynamicPropertyRegistry registry) {
        registry.add("smetabot.userbot.sandbox-url", SANDBOX::baseUrl);
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    @BeforeEach
    void freshWorld() {
        sandbox = SANDBOX.client();
        sandbox.reset();
        sandbox.clearFaults();
        userbot = UserbotClients.create(URI.create("http://127.0.0.1:" + port), "it-token", Duration.ofSeconds(20));
    }

    private void connectOwner() {
        if (userbot.sessionStatus(OWNER).accounts().get(0).authorized()) {
            userbot.logout(new ru.smetabot.userbotapi.AccountRequest(OWNER));
        }
        sandbox.createUser(OWNER, "Иван", null, "ivan_builder", "+79990001001", "pw");
        LoginResponse start = userbot.startLogin(new LoginStartRequest(OWNER, "+79990001001"));
        assertThat(start.state()).isEqualTo(LoginResponse.State.CODE_REQUIRED);
        LoginResponse code = userbot.submitCode(new LoginCodeRequest(start.loginId(), "12345"));
        assertThat(code.state()).isEqualTo(LoginResponse.State.PASSWORD_REQUIRED);
        LoginResponse ready = userbot.submitPassword(new LoginPasswordRequest(start.loginId(), "pw"));
        assertThat(ready.state()).isEqualTo(LoginResponse.State.READY);
    }

    @Test
    void loginCreateChannelAddBotAdminReadViewsTwice() {
        connectOwner();
        assertThat(userbot.sessionStatus(OWNER).accounts().get(0).authorized()).isTrue();

        long chatId = userbot.createRoom(new CreateRoomRequest(OWNER, "Ремонт кухни", "")).chatId();
        userbot.addBotAdmin(new AddBotAdminRequest(OWNER, chatId, BOT_ID, null, null));
        assertThat(userbot.getAdmins(new ChatRequest(OWNER, chatId)).admins())
                .anySatisfy(admin -> assertThat(admin.userId()).isEqualTo(BOT_ID))
                .anySatisfy(admin -> assertThat(admin.isOwner()).isTrue());

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((long) sandbox.postToChannel(chatId, OWNER, "смета " + i).messageId());
        }
        sandbox.readChannel(chatId, OWNER);
        Integer before = sandbox.readChannel(chatId, OWNER).get(0).views();

        ViewsResponse first = userbot.getViews(new GetViewsRequest(OWNER, chatId, ids));
        ViewsResponse second = userbot.getViews(new GetViewsRequest(OWNER, chatId, ids));

        assertThat(first.views()).containsOnlyKeys(ids).isEqualTo(second.views());
        assertThat(first.missing()).isEmpty();
        assertThat(sandbox.channel(chatId).postCount()).isEqualTo(3);
        assertThat(sandbox.readChannel(chatId, OWNER).get(0).views()).isEqualTo(before);
    }

    @Test
    void twoHundredFiftyIdsAreBatchedAndUnknownOnesAreMissing() {
        connectOwner();
        long chatId = userbot.createRoom(new CreateRoomRequest(OWNER, "Дача", null)).chatId();
        long posted = sandbox.postToChannel(chatId, OWNER, "файл").messageId();
        List<Long> ids = LongStream.rangeClosed(1, 250).boxed().toList();

        ViewsResponse views = userbot.getViews(new GetViewsRequest(OWNER, chatId, ids));

        assertThat(views.views()).containsOnlyKeys(posted);
        assertThat(views.missing()).hasSize(249);
    }

    @Test
    void aFloodWaitInTheSandboxIs429WithItsSeconds() {
        connectOwner();
        long chatId = userbot.createRoom(new CreateRoomRequest(OWNER, "Баня", null)).chatId();
        sandbox.addFault("mtproto:getViews", "FLOOD_WAIT", 42, null, 1);

        assertThatThrownBy(() -> userbot.getViews(new GetViewsRequest(OWNER, chatId, List.of(1L))))
                .isInstanceOfSatisfying(UserbotFloodWaitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void aChannelOfSomeoneElseIsNoAccess() {
        connectOwner();
        sandbox.createUser(2002L, "Пётр", "petr");
        long foreign = sandbox.createChannel(2002L, "Чужой").id();

        assertThatThrownBy(() -> userbot.getViews(new GetViewsRequest(OWNER, foreign, List.of(1L))))
                .isInstanceOfSatisfying(UserbotRejectedException.class, e -> assertThat(e.status()).isIn(403, 404));
    }
}
