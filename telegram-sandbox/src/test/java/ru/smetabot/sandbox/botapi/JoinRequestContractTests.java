package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;

/**
 * Join requests as Telegram models them: via_join_request only for a request made without a link, requests
 * withdrawn by the user or decided by another admin, approval of someone who already joined.
 */
class JoinRequestContractTests {

    private static final long OWNER = 820L;
    private static final long CLIENT = 821L;
    private static final long HELPER = 822L;
    private static final List<String> ALL = List.of("message", "channel_post", "callback_query",
            "chat_join_request", "chat_member", "my_chat_member");

    private SandboxClient sandbox;
    private final TelegramClient telegram = TestSandbox.telegram();
    private long chatId;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(OWNER, "Anna", "anna");
        sandbox.createUser(CLIENT, "Boris", "boris");
        sandbox.createUser(HELPER, "Gleb", "gleb");
        chatId = sandbox.createChannel(OWNER, "Дом у реки", "dom_u_reki").id();
        telegram.execute(GetUpdates.builder().allowedUpdates(ALL).build());
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        confirm(updates());
    }

    @Test
    void joinRequestWithoutALinkEndsInChatMemberWithViaJoinRequest() throws Exception {
        sandbox.requestToJoin(chatId, CLIENT);
        Update request = updates().get(0);
        confirm(List.of(request));

        telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), CLIENT));
        Update joined = updates().get(0);

        assertThat(request.getChatJoinRequest().getUser().getId()).isEqualTo(CLIENT);
        assertThat(request.getChatJoinRequest().getInviteLink()).isNull();
        assertThat(joined.getChatMember().getViaJoinRequest()).isTrue();
        assertThat(joined.getChatMember().getInviteLink()).isNull();
        assertThat(joined.getChatMember().getNewChatMember().getStatus()).isEqualTo("member");
    }

    @Test
    void withdrawnJoinRequestIsHideRequesterMissingForTheBot() throws Exception {
        String link = InviteLinks.create(telegram, chatId, "заявки", true).getInviteLink();
        sandbox.openInviteLink(CLIENT, link);

        sandbox.withdrawJoinRequest(chatId, CLIENT);

        assertThat(sandbox.channel(chatId).joinRequests()).isEmpty();
        assertHideRequesterMissing(() -> telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), CLIENT)));
        assertHideRequesterMissing(() -> telegram.execute(new DeclineChatJoinRequest(Long.toString(chatId), CLIENT)));
        assertThatThrownBy(() -> sandbox.withdrawJoinRequest(chatId, CLIENT))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void requestDecidedByAnotherAdminIsHideRequesterMissingForTheBot() throws Exception {
        String link = InviteLinks.create(telegram, chatId, "заявки", true).getInviteLink();
        sandbox.createUser(823L, "Dina", "dina");
        sandbox.openInviteLink(CLIENT, link);
        sandbox.openInviteLink(823L, link);
        confirm(updates());

        sandbox.decideJoinRequest(chatId, OWNER, CLIENT, true);
        sandbox.decideJoinRequest(chatId, OWNER, 823L, false);
        List<Update> afterwards = updates();

        assertThat(afterwards).singleElement().satisfies(u -> {
            assertThat(u.getChatMember().getFrom().getId()).isEqualTo(OWNER);
            assertThat(u.getChatMember().getInviteLink().getInviteLink()).isEqualTo(link);
        });
        assertHideRequesterMissing(() -> telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), CLIENT)));
        assertHideRequesterMissing(() -> telegram.execute(new DeclineChatJoinRequest(Long.toString(chatId), 823L)));
        assertThat(sandbox.joinDecisions(chatId)).extracting(d -> d.actorId()).containsOnly(OWNER);
    }

    @Test
    void deciderWithoutCanInviteUsersIsRefused() throws Exception {
        String link = InviteLinks.create(telegram, chatId, "заявки", true).getInviteLink();
        sandbox.openInviteLink(CLIENT, link);

        assertThatThrownBy(() -> sandbox.decideJoinRequest(chatId, HELPER, CLIENT, true))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(sandbox.channel(chatId).joinRequests()).hasSize(1);
    }

    @Test
    void approvingAUserWhoAlreadyJoinedIsUserAlreadyParticipant() throws Exception {
        String requestLink = InviteLinks.create(telegram, chatId, "заявки", true).getInviteLink();
        String openLink = InviteLinks.create(telegram, chatId, "открытая", false).getInviteLink();
        sandbox.openInviteLink(CLIENT, requestLink);
        sandbox.openInviteLink(CLIENT, openLink);

        assertThatThrownBy(() -> telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), CLIENT)))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo("Bad Request: USER_ALREADY_PARTICIPANT");
                });
    }

    @Test
    void inviteLinkNameLongerThan32CharactersIsRefused() throws Exception {
        assertThat(InviteLinks.create(telegram, chatId, "я".repeat(32), false).getName()).hasSize(32);

        // TelegramBots itself refuses a longer name before sending it, so this one goes over plain HTTP
        var reply = BotApiContractTests.raw("/bot" + TestSandbox.TOKEN + "/createChatInviteLink",
                "{\"chat_id\":" + chatId + ",\"name\":\"" + "я".repeat(33) + "\"}");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: invite link name is too long\"}");
    }

    private static void assertHideRequesterMissing(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(400);
            assertThat(e.getApiResponse()).isEqualTo("Bad Request: HIDE_REQUESTER_MISSING");
        });
    }

    private List<Update> updates() throws Exception {
        return telegram.execute(GetUpdates.builder().allowedUpdates(ALL).build());
    }

    private void confirm(List<Update> seen) throws Exception {
        if (!seen.isEmpty()) {
            telegram.execute(GetUpdates.builder().offset(seen.get(seen.size() - 1).getUpdateId() + 1)
                    .allowedUpdates(ALL).build());
        }
    }
}
