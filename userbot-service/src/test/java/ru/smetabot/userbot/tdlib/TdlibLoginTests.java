package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.smetabot.userbot.ApiTestSupport.MutableClock;
import ru.smetabot.userbot.gateway.LoginBlockedException;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramException.Kind;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.ChatAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Logins through the TDLib gateway against a scripted TDLib (issue 15, items 8–11): every authorization
 * state ends the wait, a refused setTdlibParameters is surfaced, a restarted or abandoned login leaves no
 * client or folder behind, and admin titles are what TDLib 1.8.67 has.
 */
class TdlibLoginTests {

    private static final long ACCOUNT = 42L;
    /** Far longer than any assertion waits: a wait that is not ended by a state would show as a timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @TempDir
    Path sessions;

    private final FakeTdJson td = new FakeTdJson();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();
    /** The state TDLib reaches after setAuthenticationPhoneNumber, by phone. */
    private final Map<String, String> afterPhone = new ConcurrentHashMap<>();
    /** The client each setAuthenticationPhoneNumber went to. */
    private final List<Integer> phoneClients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String parametersReply = "{\"@type\":\"ok\"}";
    private volatile String stateAfterParameters = TdAccount.WAIT_PHONE;
    private TdClients clients;
    private TdlibAccounts accounts;
    private TdlibGateway gateway;

    @BeforeEach
    void open() {
        td.script = this::telegram;
        clients = new TdClients(td);
        accounts = new TdlibAccounts(clients, new TdlibSettings(sessions, 1, "hash", "key-of-at-least-thirty-two-bytes-xx",
                REQUEST_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(10)), meters, clock);
        gateway = new TdlibGateway(accounts);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private List<ObjectNode> telegram(int client, JsonNode request) {
        return switch (request.path("@type").asString()) {
            case "getOption" -> List.of(FakeTdJson.authState(TdAccount.WAIT_PARAMETERS));
            case "setTdlibParameters" -> parametersReply.contains("error")
                    ? List.of(FakeTdJson.reply(request, parametersReply))
                    : List.of(FakeTdJson.reply(request, parametersReply), FakeTdJson.authState(stateAfterParameters));
            case "setAuthenticationPhoneNumber" -> phoneClients.add(client) ? List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"),
                    FakeTdJson.authState(afterPhone.getOrDefault(request.path("phone_number").asString(), TdAccount.WAIT_CODE)))
                    : List.of();
            case "destroy", "close" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"), FakeTdJson.authState(TdAccount.CLOSING),
                    FakeTdJson.authState(TdAccount.CLOSED));
            case "getChat", "setChatMemberStatus" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"ok\"}"));
            case "getSupergroupMembers" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"chatMembers\",\"total_count\":2,"
                    + "\"members\":[{\"@type\":\"chatMember\",\"member_id\":{\"@type\":\"messageSenderUser\",\"user_id\":7},"
                    + "\"tag\":\"Editor\",\"inviter_user_id\":0,\"joined_chat_date\":0,\"status\":{\"@type\":"
                    + "\"chatMemberStatusAdministrator\",\"can_be_edited\":true,\"rights\":{\"@type\":\"chatAdministratorRights\"}}},"
                    + "{\"@type\":\"chatMember\",\"member_id\":{\"@type\":\"messageSenderUser\",\"user_id\":8},\"tag\":\"\","
                    + "\"inviter_user_id\":0,\"joined_chat_date\":0,\"status\":{\"@type\":\"chatMemberStatusCreator\","
                    + "\"is_anonymous\":false,\"is_member\":true}}]}"));
            case "getUser" -> List.of(FakeTdJson.reply(request, "{\"@type\":\"user\",\"id\":" + request.path("user_id").asLong()
                    + ",\"first_name\":\"U\",\"type\":{\"@type\":\"userTypeRegular\"}}"));
            default -> List.of(FakeTdJson.reply(request, "{\"@type\":\"error\",\"code\":400,\"message\":\"unexpected\"}"));
        };
    }

    private List<JsonNode> sent(String type) {
        return td.sent.stream().filter(n -> n.path("@type").asString().equals(type)).toList();
    }

    @Test
    void aSetTdlibParametersErrorIsSurfacedAtOnceInStatusAndMetricsInsteadOfHanging() {
        parametersReply = "{\"@type\":\"error\",\"code\":401,\"message\":\"Wrong database encryption key\"}";

        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> gateway.startLogin(ACCOUNT, "+70000000042"))
                .isInstanceOfSatisfying(TelegramException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SESSION_UNUSABLE))
                .hasMessageContaining("401 Wrong database encryption key"));

        assertThat(sent("setTdlibParameters")).singleElement().satisfies(p -> assertThat(p.path("@extra").asString()).isNotBlank());
        assertThat(gateway.authState(ACCOUNT).error()).contains("Wrong database encryption key");
        assertThat(meters.counter("userbot.tdlib.parameters.failures", "code", "401").count()).isEqualTo(1);
        assertThat(sent("setAuthenticationPhoneNumber")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "authorizationStateWaitEmailAddress, EMAIL_ADDRESS",
        "authorizationStateWaitEmailCode, EMAIL_CODE",
        "authorizationStateWaitOtherDeviceConfirmation, OTHER_DEVICE",
        "authorizationStateWaitRegistration, REGISTRATION",
        "authorizationStateWaitPremiumPurchase, PREMIUM_PURCHASE"})
    void everyOtherAuthorizationStateEndsTheLoginWaitAtOnceSayingWhatItNeeds(String state, LoginBlockedException.Need need) {
        afterPhone.put("+70000000042", state);

        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> gateway.startLogin(ACCOUNT, "+70000000042"))
                .isInstanceOfSatisfying(LoginBlockedException.class, e -> assertThat(e.need()).isEqualTo(need)));
    }

    @Test
    void aLoginRestartedWithACorrectedPhoneSendsTheNewPhoneThroughAFreshClient() {
        assertThat(gateway.startLogin(ACCOUNT, "+70000000041")).isEqualTo(LoginStep.CODE_REQUIRED);

        assertThat(gateway.startLogin(ACCOUNT, "+70000000042")).isEqualTo(LoginStep.CODE_REQUIRED);

        assertThat(sent("setAuthenticationPhoneNumber")).extracting(n -> n.path("phone_number").asString())
                .containsExactly("+70000000041", "+70000000042");
        assertThat(sent("destroy")).hasSize(1);
        assertThat(td.sentTypes()).containsSubsequence("setAuthenticationPhoneNumber", "destroy", "getOption",
                "setTdlibParameters", "setAuthenticationPhoneNumber");
        assertThat(meters.counter("userbot.logins.abandoned", "reason", "restarted").count()).isEqualTo(1);
        assertThat(phoneClients).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void anAbandonedLoginIsDestroyedWithItsFolderAfterTheLoginTtl() throws Exception {
        gateway.startLogin(ACCOUNT, "+70000000042");
        Files.createDirectories(sessions.resolve("42").resolve("db"));

        clock.advance(Duration.ofMinutes(9));
        assertThat(accounts.expireAbandoned()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(accounts.expireAbandoned()).isEqualTo(1);

        assertThat(sent("destroy")).hasSize(1);
        assertThat(sessions.resolve("42")).doesNotExist();
        assertThat(gateway.accounts()).isEmpty();
        assertThat(meters.counter("userbot.logins.abandoned", "reason", "expired").count()).isEqualTo(1);
    }

    @Test
    void anUnfinishedSessionReopenedAtStartIsAbandonedButReadyAndUnopenableOnesAreKept() throws Exception {
        Files.createDirectories(sessions.resolve("42"));
        accounts.openSaved();
        assertThat(accounts.awaitState(42, Set.of(TdAccount.WAIT_PHONE), AT_ONCE)).isEqualTo(TdAccount.WAIT_PHONE);
        stateAfterParameters = TdAccount.READY;
        Files.createDirectories(sessions.resolve("43"));
        accounts.openSaved();
        assertThat(accounts.awaitState(43, Set.of(TdAccount.READY), AT_ONCE)).isEqualTo(TdAccount.READY);
        parametersReply = "{\"@type\":\"error\",\"code\":401,\"message\":\"Wrong database encryption key\"}";
        Files.createDirectories(sessions.resolve("44"));
        accounts.openSaved();
        accounts.awaitState(44, Set.of(TdAccount.READY), AT_ONCE);
        assertThat(accounts.error(44)).contains("Wrong database encryption key");

        clock.advance(Duration.ofMinutes(11));

        assertThat(accounts.expireAbandoned()).isEqualTo(1);
        assertThat(sessions.resolve("42")).doesNotExist();
        assertThat(sessions.resolve("43")).exists();
        assertThat(sessions.resolve("44")).exists();
        assertThat(gateway.accounts()).containsExactlyInAnyOrder(43L, 44L);
    }

    @Test
    void aSessionWhoseLeaseIsLostIsClosedWithItsFolderKeptAndReopenedWhenTheLeaseComesBack() throws Exception {
        stateAfterParameters = TdAccount.READY;
        Files.createDirectories(sessions.resolve("42"));
        assertThat(gateway.stored()).containsExactly(ACCOUNT);

        gateway.open(ACCOUNT);
        assertThat(accounts.awaitState(ACCOUNT, Set.of(TdAccount.READY), AT_ONCE)).isEqualTo(TdAccount.READY);
        gateway.close(ACCOUNT);

        assertThat(sent("close")).hasSize(1);
        assertThat(sent("destroy")).isEmpty();
        assertThat(gateway.accounts()).isEmpty();
        assertThat(sessions.resolve("42")).as("the session stays for the instance taking the account over").exists();

        gateway.open(ACCOUNT);
        assertThat(accounts.awaitState(ACCOUNT, Set.of(TdAccount.READY), AT_ONCE)).isEqualTo(TdAccount.READY);
        assertThat(sent("setTdlibParameters")).as("a new client on the same folder").hasSize(2);
        gateway.open(43L);
        assertThat(gateway.accounts()).as("no folder, nothing to open").containsExactly(ACCOUNT);
    }

    @Test
    void adminTitlesComeFromTheMemberTagAndNoCustomTitleIsSentToTdlib1867() throws Exception {
        stateAfterParameters = TdAccount.READY;
        Files.createDirectories(sessions.resolve("42"));
        accounts.openSaved();
        assertThat(accounts.awaitState(ACCOUNT, Set.of(TdAccount.READY), AT_ONCE)).isEqualTo(TdAccount.READY);

        gateway.addAdmin(ACCOUNT, -1001234567890L, 7L, AdminRights.forRoomBot());
        List<ChatAdmin> admins = gateway.admins(ACCOUNT, -1001234567890L);

        JsonNode status = sent("setChatMemberStatus").get(0).path("status");
        assertThat(status.has("custom_title")).isFalse();
        assertThat(status.path("rights").path("can_invite_users").asBoolean()).isTrue();
        assertThat(admins).extracting(ChatAdmin::userId, ChatAdmin::customTitle, ChatAdmin::isOwner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8L, null, true), org.assertj.core.groups.Tuple.tuple(7L, "Editor", false));
    }
}
