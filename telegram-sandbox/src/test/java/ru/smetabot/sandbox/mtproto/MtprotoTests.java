package ru.smetabot.sandbox.mtproto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.MtprotoClient;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;

/** The MTProto side as userbot-service's gateway uses it: sign-in, channels, admins, views, join requests. */
class MtprotoTests {

    private static final long CONTRACTOR = 900L;
    private static final String PHONE = "+79990000900";

    private SandboxClient sandbox;
    private MtprotoClient mtproto;
    private final TelegramClient telegram = TestSandbox.telegram();

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        mtproto = sandbox.mtproto();
        sandbox.createUser(CONTRACTOR, "Sergey", null, "sergey", PHONE, null);
    }

    @Test
    void signInWithCodeAndOptionalPassword() {
        sandbox.createUser(901L, "Secure", null, "secure", "+79990000901", "hunter2");

        String hash = mtproto.sendCode("+79990000901");
        assertThatThrownBy(() -> mtproto.signIn("+79990000901", hash, "00000"))
                .isInstanceOfSatisfying(SandboxClientException.class,
                        e -> assertThat(e.body()).contains("PHONE_CODE_INVALID"));
        assertThat(mtproto.signIn("+79990000901", hash, "12345")).containsEntry("authorization_state", "wait_password");
        assertThatThrownBy(() -> mtproto.checkPassword(hash, "wrong"))
                .isInstanceOfSatisfying(SandboxClientException.class,
                        e -> assertThat(e.body()).contains("PASSWORD_HASH_INVALID"));
        Map<String, Object> ready = mtproto.checkPassword(hash, "hunter2");

        assertThat(ready).containsEntry("authorization_state", "ready");
        assertThat((String) ready.get("session")).startsWith("sbx_");
        assertThat(mtproto.login(PHONE, "12345", null)).startsWith("sbx_");
    }

    @Test
    void expiredCodeAndUnknownSessionAreRefused() {
        String hash = mtproto.sendCode(PHONE);
        sandbox.advanceClock(Duration.ofMinutes(6));

        assertThatThrownBy(() -> mtproto.signIn(PHONE, hash, "12345"))
                .isInstanceOfSatisfying(SandboxClientException.class,
                        e -> assertThat(e.body()).contains("PHONE_CODE_EXPIRED"));
        assertThatThrownBy(() -> mtproto.createChannel("sbx_forged", "Room"))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.body()).isEqualTo("{\"error_code\":401,\"error_message\":\"AUTH_KEY_UNREGISTERED\"}");
                });
    }

    @Test
    void createdChannelIsOwnedByTheUserAndTheBotBecomesAdmin() throws Exception {
        String session = mtproto.login(PHONE, "12345", null);

        long chatId = mtproto.createChannel(session, "Дача Петровых");
        mtproto.addAdmin(session, chatId, TestSandbox.BOT_ID,
                Map.of("can_post_messages", true, "can_invite_users", true, "can_restrict_members", true));
        List<Map<String, Object>> admins = mtproto.admins(session, chatId);
        List<Update> updates = telegram.execute(GetUpdates.builder().allowedUpdates(List.of("my_chat_member"))
                .build());

        assertThat(chatId).isLessThan(-1_000_000_000_000L);
        assertThat(sandbox.channel(chatId).ownerId()).isEqualTo(CONTRACTOR);
        assertThat(admins).extracting(a -> ((Number) a.get("user_id")).longValue())
                .containsExactly(CONTRACTOR, TestSandbox.BOT_ID);
        assertThat(admins.get(0)).containsEntry("is_owner", true);
        assertThat(mtproto.channels(session)).extracting(c -> ((Number) c.get("chat_id")).longValue())
                .containsExactly(chatId);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getMyChatMember().getNewChatMember().getStatus()).isEqualTo("administrator");
    }

    @Test
    void viewsAreReadWithoutCountingAndLimitedToAHundredIds() {
        String session = mtproto.login(PHONE, "12345", null);
        long chatId = mtproto.createChannel(session, "Room");
        int post = sandbox.postToChannel(chatId, CONTRACTOR, "смета.pdf").messageId();
        sandbox.readChannel(chatId, CONTRACTOR);

        var first = mtproto.views(session, chatId, List.of(post, 77));
        var second = mtproto.views(session, chatId, List.of(post));
        List<Integer> tooMany = IntStream.rangeClosed(1, 101).boxed().toList();

        assertThat(first.views()).containsExactly(Map.entry(post, 1));
        assertThat(first.missing()).containsExactly(77);
        assertThat(second.views()).containsEntry(post, 1);
        assertThatThrownBy(() -> mtproto.views(session, chatId, tooMany))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void pendingJoinRequestsArePagedAndApprovalNotifiesTheBot() throws Exception {
        String session = mtproto.login(PHONE, "12345", null);
        long chatId = mtproto.createChannel(session, "Room");
        mtproto.addAdmin(session, chatId, TestSandbox.BOT_ID, null);
        String link = telegram.execute(CreateChatInviteLink.builder().chatId(chatId).createsJoinRequest(true)
                .build()).getInviteLink();
        for (long id = 1000; id < 1150; id++) {
            sandbox.createUser(id, "Client " + id, null);
            sandbox.openInviteLink(id, link);
        }

        Map<String, Object> page1 = mtproto.joinRequests(session, chatId, 0, 100);
        long next = ((Number) page1.get("next_offset_user_id")).longValue();
        Map<String, Object> page2 = mtproto.joinRequests(session, chatId, next, 100);
        telegram.execute(GetUpdates.builder().allowedUpdates(List.of("chat_member")).offset(-1).build());
        mtproto.approve(session, chatId, 1000L);
        mtproto.decline(session, chatId, 1001L);
        List<Update> all = telegram.execute(GetUpdates.builder().allowedUpdates(List.of("chat_member")).build());
        List<Update> members = all.stream().filter(Update::hasChatMember).toList();

        assertThat(page1).containsEntry("count", 150);
        assertThat((List<?>) page1.get("requests")).hasSize(100);
        assertThat((List<?>) page2.get("requests")).hasSize(50);
        assertThat(page2.get("next_offset_user_id")).isNull();
        assertThat(members).hasSize(1);
        assertThat(members.get(0).getChatMember().getViaJoinRequest()).isNull();
        assertThat(members.get(0).getChatMember().getInviteLink().getInviteLink()).isEqualTo(link);
        assertThat(members.get(0).getChatMember().getFrom().getId()).isEqualTo(CONTRACTOR);
        assertThat(mtproto.joinRequests(session, chatId, 0, 100)).containsEntry("count", 148);
        assertThat(mtproto.participants(session, chatId, 0, 200)).containsEntry("count", 3);
    }
    @Test
    void joinRequestsOfAnotherAdminsLinkNeedOwnerRightsAndAreCountedPerLink() throws Exception {
        sandbox.createUser(902L, "Admin", null, "admin", "+79990000902", null);
        String ownerSession = mtproto.login(PHONE, "12345", null);
        long chatId = mtproto.createChannel(ownerSession, "Room");
        mtproto.addAdmin(ownerSession, chatId, TestSandbox.BOT_ID, null);
        mtproto.addAdmin(ownerSession, chatId, 902L, Map.of("can_invite_users", true));
        String adminSession = mtproto.login("+79990000902", "12345", null);
        String botLink = telegram.execute(CreateChatInviteLink.builder().chatId(chatId).createsJoinRequest(true)
                .build()).getInviteLink();
        String otherLink = telegram.execute(CreateChatInviteLink.builder().chatId(chatId).createsJoinRequest(true)
                .build()).getInviteLink();
        for (long id = 1200; id < 1203; id++) {
            sandbox.createUser(id, "Client " + id, null);
            sandbox.openInviteLink(id, id == 1200 ? otherLink : botLink);
        }

        Map<String, Object> perLink = mtproto.joinRequests(ownerSession, chatId, botLink, 0, 100);

        assertThat(perLink).containsEntry("count", 2);
        assertThat((List<?>) perLink.get("requests")).hasSize(2);
        assertThat(mtproto.joinRequests(ownerSession, chatId, otherLink, 0, 100)).containsEntry("count", 1);
        assertThat(mtproto.joinRequests(adminSession, chatId, 0, 100)).containsEntry("count", 3);
        assertThatThrownBy(() -> mtproto.joinRequests(adminSession, chatId, botLink, 0, 100))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.body()).contains("CHAT_ADMIN_REQUIRED");
                });
    }

    @Test
    void sendCodeToAMalformedPhoneIsPhoneNumberInvalid() {
        assertThatThrownBy(() -> mtproto.sendCode("+7 12"))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("PHONE_NUMBER_INVALID");
                });
    }

    @Test
    void emptyPasswordIsPasswordHashInvalid() {
        sandbox.createUser(903L, "Secure", null, "secure3", "+79990000903", "pw");
        String hash = mtproto.sendCode("+79990000903");
        mtproto.signIn("+79990000903", hash, "12345");

        assertThatThrownBy(() -> mtproto.checkPassword(hash, ""))
                .isInstanceOfSatisfying(SandboxClientException.class,
                        e -> assertThat(e.body()).contains("PASSWORD_HASH_INVALID"));
    }
}
