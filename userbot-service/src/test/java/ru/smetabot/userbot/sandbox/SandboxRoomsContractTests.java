package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.CreatedRoom;
import ru.smetabot.userbotapi.JoinRequestDecision;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.MembersPage;
import ru.smetabot.userbotapi.MembersRequest;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;
import tools.jackson.databind.json.JsonMapper;

/** /rooms/* over the sandbox gateway, each answer checked against what the sandbox now holds. */
class SandboxRoomsContractTests extends SandboxApiTestSupport {

    @Test
    void createMakesAProtectedBroadcastChannelOwnedByTheAccount() {
        long owner = connectedAccount();

        CreatedRoom room = userbot.createRoom(new CreateRoomRequest(owner, "Ремонт ванной", "смета и фото"));

        assertThat(room.chatId()).isLessThan(-1_000_000_000_000L);
        assertThat(room.title()).isEqualTo("Ремонт ванной");
        assertThat(sandbox.channel(room.chatId()).ownerId()).isEqualTo(owner);
        assertThat(sandbox.channel(room.chatId()).title()).isEqualTo("Ремонт ванной");
    }

    @Test
    void addBotAdminAppointsTheBotWithTheRightsAsked() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        AdminRights postOnly = new AdminRights(false, true, false, false, false, false, false);

        var added = userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, BOT_ID, null, postOnly));

        assertThat(added.botUserId()).isEqualTo(BOT_ID);
        assertThat(added.rights()).isEqualTo(postOnly);
        assertThat(sandbox.channel(chatId).admins()).anySatisfy(a -> assertThat(a.userId()).isEqualTo(BOT_ID));
    }

    @Test
    void aBotUsernameIsNotResolvedByTheSandbox() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);

        failure(() -> userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, null, "@smeta_it_bot", null)),
                UserbotRejectedException.class, 400, UserbotProblems.TELEGRAM_ERROR);
    }

    @Test
    void getAdminsListsTheOwnerFirstAndTheBot() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, BOT_ID, null, null));

        var admins = userbot.getAdmins(new ChatRequest(owner, chatId)).admins();

        assertThat(admins).hasSize(2);
        assertThat(admins.get(0).userId()).isEqualTo(owner);
        assertThat(admins.get(0).isOwner()).isTrue();
        assertThat(admins.get(0).username()).isEqualTo("user_" + owner);
        assertThat(admins.get(1).userId()).isEqualTo(BOT_ID);
        assertThat(admins.get(1).isBot()).isTrue();
    }

    @Test
    void memberCountIsTheSandboxCount() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);

        assertThat(userbot.memberCount(new ChatRequest(owner, chatId)).count()).isEqualTo(sandbox.channel(chatId).memberCount());
    }

    @Test
    void membersArePagedWithTheirStatus() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, BOT_ID, null, null));
        String link = joinRequestLink(chatId);
        long member = newUser(null);
        sandbox.openInviteLink(member, link);
        userbot.decideJoinRequest(new JoinRequestDecision(owner, chatId, member, true));

        MembersPage first = userbot.members(new MembersRequest(owner, chatId, 0, 2));
        MembersPage rest = userbot.members(new MembersRequest(owner, chatId, 2, 2));

        assertThat(first.totalCount()).isEqualTo(3);
        List<MembersPage.Member> all = new java.util.ArrayList<>(first.members());
        all.addAll(rest.members());
        assertThat(all).extracting(MembersPage.Member::userId).containsExactlyInAnyOrder(owner, BOT_ID, member);
        assertThat(all).filteredOn(m -> m.userId() == owner).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("creator"));
        assertThat(all).filteredOn(m -> m.userId() == member).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("member"))
                .satisfies(m -> assertThat(m.joinedAt()).isNotNull());
    }

    @Test
    void pendingJoinRequestsAreListedAndDecided() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, BOT_ID, null, null));
        String link = joinRequestLink(chatId);
        long first = newUser(null);
        long second = newUser(null);
        sandbox.openInviteLink(first, link);
        sandbox.openInviteLink(second, link);
        assertThat(sandbox.channel(chatId).joinRequests()).hasSize(2);
        int membersBefore = sandbox.channel(chatId).memberCount();

        JoinRequestsPage page = userbot.joinRequests(new JoinRequestsRequest(owner, chatId, null, null, null));

        assertThat(page.requests()).extracting(JoinRequestsPage.PendingJoinRequest::userId).containsExactlyInAnyOrder(first, second);
        assertThat(page.totalCount()).isEqualTo(2);

        JoinRequestDecision approved = userbot.decideJoinRequest(new JoinRequestDecision(owner, chatId, first, true));
        userbot.decideJoinRequest(new JoinRequestDecision(owner, chatId, second, false));

        assertThat(approved.approve()).isTrue();
        assertThat(sandbox.channel(chatId).memberCount()).isEqualTo(membersBefore + 1);
        assertThat(userbot.joinRequests(new JoinRequestsRequest(owner, chatId, null, null, null)).requests()).isEmpty();
    }

    @Test
    void joinRequestsArePagedWithTheNextCursor() {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, BOT_ID, null, null));
        String link = joinRequestLink(chatId);
        List<Long> applicants = List.of(newUser(null), newUser(null), newUser(null));
        applicants.forEach(user -> sandbox.openInviteLink(user, link));

        JoinRequestsPage first = userbot.joinRequests(new JoinRequestsRequest(owner, chatId, null, null, 2));
        JoinRequestsPage second = userbot.joinRequests(new JoinRequestsRequest(owner, chatId, null, first.next(), 2));

        assertThat(first.requests()).hasSize(2);
        assertThat(first.next()).isNotNull();
        assertThat(second.requests()).hasSize(1);
        assertThat(second.next()).isNull();
        assertThat(List.of(first.requests().get(0).userId(), first.requests().get(1).userId(), second.requests().get(0).userId()))
                .containsExactlyInAnyOrderElementsOf(applicants);
    }

    /** An invite link that asks for approval, made by the bot through the sandbox's Bot API. */
    private static String joinRequestLink(long chatId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SANDBOX.baseUrl() + "/bot" + BOT_ID + ":" + BOT_TOKEN + "/createChatInviteLink"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":" + chatId + ",\"creates_join_request\":true}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("result").path("invite_link").asString();
    }
}
