package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.EditChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.api.methods.groupadministration.RevokeChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.SetChatTitle;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.ChatInviteLink;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;
import ru.smetabot.sandbox.client.SandboxTypes;

/** Channel methods through TelegramBots: admin checks, invite links, join requests, posts, members. */
class ChannelContractTests {

    private static final long OWNER = 800L;
    private static final long CLIENT = 801L;
    private static final List<String> ALL = List.of("message", "channel_post", "callback_query",
            "chat_join_request", "chat_member", "my_chat_member");

    private SandboxClient sandbox;
    private final TelegramClient telegram = TestSandbox.telegram();
    private long chatId;

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(OWNER, "Anna", null, "anna", "+7 000 000-08-00", null);
        sandbox.createUser(CLIENT, "Boris", "boris");
        chatId = sandbox.createChannel(OWNER, "Квартира на Ленина").id();
        askForAllUpdates();
    }

    /** allowed_updates decides which updates are created, so the bot states it before anything happens. */
    private void askForAllUpdates() {
        try {
            telegram.execute(GetUpdates.builder().allowedUpdates(ALL).timeout(0).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void botThatIsNotAdminIsForbidden() {
        assertThatThrownBy(() -> telegram.execute(SendMessage.builder().chatId(chatId).text("post").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getApiResponse()).startsWith("Forbidden: ");
                });
        assertThatThrownBy(() -> InviteLinks.create(telegram, chatId, "x", true))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(403));
    }

    @Test
    void addingTheBotAsAdminSendsMyChatMemberAndChatInfoBecomesVisible() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);

        Update update = updates().get(0);
        ChatFullInfo chat = telegram.execute(new GetChat(Long.toString(chatId)));
        List<ChatMember> admins = telegram.execute(new GetChatAdministrators(Long.toString(chatId)));
        ChatMember me = telegram.execute(new GetChatMember(Long.toString(chatId), TestSandbox.BOT_ID));

        assertThat(update.getMyChatMember().getNewChatMember().getStatus()).isEqualTo("administrator");
        assertThat(update.getMyChatMember().getOldChatMember().getStatus()).isEqualTo("left");
        assertThat(update.getMyChatMember().getFrom().getId()).isEqualTo(OWNER);
        assertThat(chat.getTitle()).isEqualTo("Квартира на Ленина");
        assertThat(chat.getType()).isEqualTo("channel");
        assertThat(Long.toString(chatId)).startsWith("-100");
        assertThat(admins).extracting(ChatMember::getStatus).containsExactly("creator", "administrator");
        assertThat(me.getStatus()).isEqualTo("administrator");
    }

    @Test
    void postsArriveAsChannelPostsToAdminBotsButNotToTheirAuthor() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        sandbox.createBot("4243:second-bot", "second_bot");
        sandbox.addAdmin(chatId, 4243L);
        TelegramClient second = TestSandbox.telegram("4243:second-bot");
        confirm(updates());
        int secondSeen = second.execute(GetUpdates.builder().allowedUpdates(ALL).build()).get(0).getUpdateId();

        Message botPost = telegram.execute(SendMessage.builder().chatId(chatId).text("Смета v1")
                .protectContent(true).build());
        SandboxTypes.Message ownerPost = sandbox.postToChannel(chatId, OWNER, "Чертёж");
        sandbox.postDocumentToChannel(chatId, OWNER, "plan.pdf", "application/pdf", new byte[] {1, 2}, "План");
        List<Update> posts = updates();
        List<Update> seenBySecond = second.execute(GetUpdates.builder().offset(secondSeen + 1).build());

        assertThat(botPost.getChat().getType()).isEqualTo("channel");
        assertThat(botPost.getMessageId()).isEqualTo(1);
        assertThat(botPost.getHasProtectedContent()).isTrue();
        assertThat(sandbox.readChannel(chatId, OWNER)).extracting(SandboxTypes.Message::protectedContent)
                .containsExactly(true, false, false);
        assertThat(ownerPost.messageId()).isEqualTo(2);
        assertThat(posts).extracting(u -> u.getChannelPost().getText()).containsExactly("Чертёж", null);
        assertThat(posts.get(0).getChannelPost().getSenderChat().getId()).isEqualTo(chatId);
        assertThat(posts.get(1).getChannelPost().getDocument().getFileName()).isEqualTo("plan.pdf");
        assertThat(posts.get(1).getChannelPost().getCaption()).isEqualTo("План");
        assertThat(seenBySecond).extracting(u -> u.getChannelPost().getMessageId()).containsExactly(1, 2, 3);
    }

    @Test
    void inviteLinksHaveTelegramsShapeAndRules() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);

        ChatInviteLink link = telegram.execute(CreateChatInviteLink.builder().chatId(chatId).name("Клиент Иванов")
                .createsJoinRequest(true).build());
        ChatInviteLink edited = telegram.execute(EditChatInviteLink.builder().chatId(chatId)
                .inviteLink(link.getInviteLink()).name("Иванов").createsJoinRequest(true).build());

        assertThat(link.getInviteLink()).matches("https://t\\.me/\\+[A-Za-z0-9_-]{16}");
        assertThat(link.getCreatesJoinRequest()).isTrue();
        assertThat(link.getIsRevoked()).isFalse();
        assertThat(link.getCreator().getId()).isEqualTo(TestSandbox.BOT_ID);
        assertThat(edited.getName()).isEqualTo("Иванов");
        // TelegramBots validates these client-side, so they go raw: the server must refuse them as well.
        String method = "/bot" + TestSandbox.TOKEN + "/createChatInviteLink";
        var longName = BotApiContractTests.raw(method,
                "{\"chat_id\":" + chatId + ",\"name\":\"" + "x".repeat(33) + "\"}");
        var limitWithRequests = BotApiContractTests.raw(method,
                "{\"chat_id\":" + chatId + ",\"member_limit\":5,\"creates_join_request\":true}");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).startsWith("{\"ok\":false,\"error_code\":400");
        assertThat(limitWithRequests.statusCode()).isEqualTo(400);
    }

    @Test
    void revokedAndExpiredLinksStopWorking() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        ChatInviteLink revoked = InviteLinks.create(telegram, chatId, "revoked", false);
        ChatInviteLink expiring = telegram.execute(CreateChatInviteLink.builder().chatId(chatId)
                .expireDate((int) (System.currentTimeMillis() / 1000) + 60).build());

        ChatInviteLink afterRevoke = telegram.execute(new RevokeChatInviteLink(Long.toString(chatId),
                revoked.getInviteLink()));
        sandbox.advanceClock(Duration.ofMinutes(2));

        assertThat(afterRevoke.getIsRevoked()).isTrue();
        assertThatThrownBy(() -> sandbox.openInviteLink(CLIENT, revoked.getInviteLink()))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> sandbox.openInviteLink(CLIENT, expiring.getInviteLink()))
                .isInstanceOfSatisfying(SandboxClientException.class,
                        e -> assertThat(e.body()).contains("INVITE_HASH_EXPIRED"));
    }

    @Test
    void joinRequestThroughALinkEndsInChatMemberWithTheLinkAndWithoutViaJoinRequest() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        ChatInviteLink link = InviteLinks.create(telegram, chatId, "Клиент", true);
        confirm(updates());

        assertThat(sandbox.openInviteLink(CLIENT, link.getInviteLink()).outcome()).isEqualTo("requested");
        Update request = updates().get(0);
        assertThat(request.getChatJoinRequest().getUser().getId()).isEqualTo(CLIENT);
        assertThat(request.getChatJoinRequest().getInviteLink().getInviteLink()).isEqualTo(link.getInviteLink());
        assertThat(request.getChatJoinRequest().getUserChatId()).isEqualTo(CLIENT);
        confirm(List.of(request));
        int before = telegram.execute(new GetChatMemberCount(Long.toString(chatId)));

        assertThat(telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), CLIENT))).isTrue();
        Update joined = updates().get(0);

        assertThat(joined.getChatMember().getNewChatMember().getStatus()).isEqualTo("member");
        assertThat(joined.getChatMember().getViaJoinRequest()).as("only for requests made without a link").isNull();
        assertThat(joined.getChatMember().getInviteLink().getInviteLink()).isEqualTo(link.getInviteLink());
        assertThat(joined.getChatMember().getFrom().getId()).isEqualTo(TestSandbox.BOT_ID);
        assertThat(telegram.execute(new GetChatMemberCount(Long.toString(chatId)))).isEqualTo(before + 1);
        assertThatThrownBy(() -> telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), CLIENT)))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).contains("HIDE_REQUESTER_MISSING");
                });
        assertThat(sandbox.joinDecisions(chatId)).singleElement().satisfies(d -> {
            assertThat(d.userId()).isEqualTo(CLIENT);
            assertThat(d.outcome()).isEqualTo("approved");
            assertThat(d.inviteLink()).isEqualTo(link.getInviteLink());
            assertThat(d.decidedAtMs()).isGreaterThanOrEqualTo(d.requestedAtMs());
            assertThat(d.laterAttempts()).as("the second approve").isEqualTo(1);
        });
    }

    @Test
    void declinedRequestLeavesNoMemberAndLeavingSendsChatMemberLeft() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        ChatInviteLink request = InviteLinks.create(telegram, chatId, "approval", true);
        ChatInviteLink open = InviteLinks.create(telegram, chatId, "open", false);
        sandbox.openInviteLink(CLIENT, request.getInviteLink());

        assertThat(telegram.execute(new DeclineChatJoinRequest(Long.toString(chatId), CLIENT))).isTrue();
        assertThat(sandbox.channel(chatId).members()).noneMatch(m -> m.userId() == CLIENT);
        assertThat(sandbox.channel(chatId).joinRequests()).isEmpty();
        String shortForm = open.getInviteLink().replace("https://", "");
        assertThat(sandbox.openInviteLink(CLIENT, shortForm).outcome()).isEqualTo("joined");
        confirm(updates());
        sandbox.leaveChannel(chatId, CLIENT);

        Update left = updates().get(0);
        assertThat(left.getChatMember().getOldChatMember().getStatus()).isEqualTo("member");
        assertThat(left.getChatMember().getNewChatMember().getStatus()).isEqualTo("left");
    }

    @Test
    void banAndUnbanChangeTheMembersStatus() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        sandbox.openInviteLink(CLIENT, InviteLinks.create(telegram, chatId, "open", false).getInviteLink());

        telegram.execute(new BanChatMember(Long.toString(chatId), CLIENT));
        String banned = telegram.execute(new GetChatMember(Long.toString(chatId), CLIENT)).getStatus();
        telegram.execute(UnbanChatMember.builder().chatId(chatId).userId(CLIENT).onlyIfBanned(true).build());
        String unbanned = telegram.execute(new GetChatMember(Long.toString(chatId), CLIENT)).getStatus();

        assertThat(banned).isEqualTo("kicked");
        assertThat(unbanned).isEqualTo("left");
    }

    @Test
    void setChatTitleNeedsTheRightToChangeInfoAndRefusesAnUnchangedTitle() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID, java.util.Map.of("can_post_messages", true, "can_invite_users", true));
        assertThatThrownBy(() -> telegram.execute(SetChatTitle.builder().chatId(chatId).title("Квартира — сдана").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo("Bad Request: not enough rights to change chat title");
                });
        assertThat(sandbox.channel(chatId).title()).isEqualTo("Квартира на Ленина");

        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        assertThat(telegram.execute(SetChatTitle.builder().chatId(chatId).title("Квартира — сдана").build())).isTrue();
        assertThat(sandbox.channel(chatId).title()).isEqualTo("Квартира — сдана");
        assertThat(telegram.execute(new GetChat(Long.toString(chatId))).getTitle()).isEqualTo("Квартира — сдана");
        assertThatThrownBy(() -> telegram.execute(SetChatTitle.builder().chatId(chatId).title("Квартира — сдана").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).isEqualTo("Bad Request: chat title is not modified"));
    }

    @Test
    void readingAChannelCountsOneViewPerViewerPerCooldown() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        sandbox.openInviteLink(CLIENT, InviteLinks.create(telegram, chatId, "open", false).getInviteLink());
        int postId = telegram.execute(SendMessage.builder().chatId(chatId).text("file").build()).getMessageId();
        String session = sandbox.mtproto().login("+70000000800", "12345", null);

        sandbox.readChannel(chatId, CLIENT);
        sandbox.readChannel(chatId, CLIENT);
        sandbox.readChannel(chatId, OWNER);
        int peeked = sandbox.mtproto().views(session, chatId, List.of(postId)).views().get(postId);
        int peekedAgain = sandbox.mtproto().views(session, chatId, List.of(postId)).views().get(postId);
        sandbox.advanceClock(Duration.ofHours(25));
        int afterCooldown = sandbox.readChannel(chatId, CLIENT).get(0).views();

        assertThat(peeked).isEqualTo(2);
        assertThat(peekedAgain).isEqualTo(2);
        assertThat(afterCooldown).isEqualTo(3);
    }

    @Test
    void aMemberPressesAButtonUnderTheBotsPostAndTheBotGetsTheirCallbackOnThePost() throws Exception {
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        ChatInviteLink link = telegram.execute(CreateChatInviteLink.builder().chatId(chatId).build());
        sandbox.openInviteLink(CLIENT, link.getInviteLink());
        sandbox.createUser(802L, "Stranger", "stranger");
        Message post = telegram.execute(SendMessage.builder().chatId(chatId).text("Смета v2")
                .replyMarkup(org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup.builder()
                        .keyboardRow(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow(
                                org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton.builder()
                                        .text("✅ Ознакомлен").callbackData("ack").build()))
                        .build())
                .build());
        confirm(updates());

        String id = sandbox.pressChannelPostButton(chatId, CLIENT, post.getMessageId(), "ack");
        List<Update> pressed = updates();

        assertThat(pressed).hasSize(1);
        var query = pressed.get(0).getCallbackQuery();
        assertThat(query.getId()).isEqualTo(id);
        assertThat(query.getFrom().getId()).isEqualTo(CLIENT);
        assertThat(query.getData()).isEqualTo("ack");
        assertThat(query.getMessage().getChatId()).isEqualTo(chatId);
        assertThat(query.getMessage().getMessageId()).isEqualTo(post.getMessageId());
        telegram.execute(org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder().callbackQueryId(id)
                .text("Спасибо").build());
        assertThat(sandbox.callbackAnswer(id).text()).isEqualTo("Спасибо");
        assertThatThrownBy(() -> sandbox.pressChannelPostButton(chatId, 802L, post.getMessageId(), "ack"))
                .as("a non-member cannot see the post").isInstanceOf(SandboxClientException.class)
                .hasMessageContaining("403");
        assertThatThrownBy(() -> sandbox.pressChannelPostButton(chatId, CLIENT, post.getMessageId(), "forged"))
                .as("only a button of that post").isInstanceOf(SandboxClientException.class)
                .hasMessageContaining("no such inline button");
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
