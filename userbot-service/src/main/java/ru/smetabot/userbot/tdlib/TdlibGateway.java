package ru.smetabot.userbot.tdlib;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.ChatAdmin;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.MembersPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway over real Telegram through TDLib. Bot API ids are TDLib's chat ids; TDLib message
 * ids are Bot API message ids shifted left by 20 bits.
 */
public class TdlibGateway implements TelegramGateway {

    private static final long SUPERGROUP_BASE = 1_000_000_000_000L;

    private final TdlibAccounts accounts;

    public TdlibGateway(TdlibAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Long> accounts() {
        return accounts.accounts();
    }

    @Override
    public List<Long> stored() {
        return accounts.saved();
    }

    @Override
    public void open(long account) {
        accounts.openSaved(account);
    }

    @Override
    public void close(long account) {
        accounts.close(account);
    }

    @Override
    public AuthState authState(long account) {
        String state = accounts.state(account);
        return state == null ? AuthState.NONE : new AuthState(state, TdAccount.READY.equals(state), accounts.error(account));
    }

    @Override
    public LoginStep startLogin(long account, String phone) {
        return accounts.startLogin(account, phone);
    }

    @Override
    public LoginStep submitCode(long account, String code) {
        return accounts.submitCode(account, code);
    }

    @Override
    public LoginStep submitPassword(long account, String password) {
        return accounts.submitPassword(account, password);
    }

    @Override
    public long currentUserId(long account) {
        return accounts.call(account, TdClients.request("getMe")).path("id").asLong();
    }

    @Override
    public void logout(long account) {
        accounts.logout(account);
    }

    @Override
    public long createChannel(long account, String title, String about) {
        JsonNode chat = accounts.call(account, TdClients.request("createNewSupergroupChat")
                .put("title", title).put("is_forum", false).put("is_channel", true)
                .put("description", about == null ? "" : about).put("message_auto_delete_time", 0).put("for_import", false));
        long chatId = chat.path("id").asLong();
        accounts.call(account, TdClients.request("toggleChatHasProtectedContent").put("chat_id", chatId).put("has_protected_content", true));
        return chatId;
    }

    @Override
    public long resolveUsername(long account, String username) {
        JsonNode chat = accounts.call(account, TdClients.request("searchPublicChat").put("username", username.replaceFirst("^@", "")));
        JsonNode type = chat.path("type");
        if (!"chatTypePrivate".equals(type.path("@type").asString())) {
            throw new TelegramException(TelegramException.Kind.NOT_FOUND, 400, "@" + username + " is not a user or bot");
        }
        return type.path("user_id").asLong();
    }

    @Override
    public void addAdmin(long account, long chatId, long userId, AdminRights rights) {
        knownChat(account, chatId);
        // TDLib 1.8.67 has no custom_title here (chatMemberStatusAdministrator can_be_edited:Bool rights:...); a title
        // would be setChatMemberTag, which is for supergroups, and the bot is made admin of channels.
        ObjectNode status = TdClients.request("chatMemberStatusAdministrator").put("can_be_edited", true);
        status.set("rights", TdClients.request("chatAdministratorRights")
                .put("can_manage_chat", true)
                .put("can_change_info", rights.changeInfo())
                .put("can_post_messages", rights.postMessages())
                .put("can_edit_messages", rights.editMessages())
                .put("can_delete_messages", rights.deleteMessages())
                .put("can_invite_users", rights.inviteUsers())
                .put("can_restrict_members", rights.restrictMembers())
                .put("can_promote_members", rights.promoteMembers()));
        ObjectNode request = TdClients.request("setChatMemberStatus").put("chat_id", chatId);
        request.set("member_id", TdClients.request("messageSenderUser").put("user_id", userId));
        request.set("status", status);
        accounts.call(account, request);
    }

    @Override
    public Map<Long, Integer> viewCounts(long account, long chatId, List<Long> messageIds) {
        if (messageIds.size() > MAX_VIEWS_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_VIEWS_BATCH + " ids per call, got " + messageIds.size());
        }
        long deadline = System.nanoTime() + accounts.settings().requestTimeout().toNanos();
        knownChat(account, chatId);
        List<Long> tdIds = messageIds.stream().map(TdMessages::toTdMessageId).toList();
        // messageSourceOther + force_read=false makes TDLib fetch the counters without counting a view
        // (never openChat); the fresh ones arrive later as updateMessageInteractionInfo.
        try (InteractionUpdates fresh = accounts.watchInteractions(account, chatId, tdIds)) {
            ObjectNode view = TdClients.request("viewMessages").put("chat_id", chatId).put("force_read", false);
            view.set("message_ids", idArray(tdIds));
            view.set("source", TdClients.request("messageSourceOther"));
            accounts.call(account, view);
            Duration untilDeadline = Duration.ofNanos(deadline - System.nanoTime());
            fresh.await(min(accounts.settings().viewsWait(), untilDeadline));
            ObjectNode get = TdClients.request("getMessages").put("chat_id", chatId);
            get.set("message_ids", idArray(tdIds));
            Map<Long, Integer> counts = TdMessages.viewCounts(accounts.call(account, get));
            // TDLib's counters only grow: an update that raced with getMessages is the newer one.
            fresh.counts().forEach((tdId, views) -> counts.computeIfPresent(TdMessages.toBotApiMessageId(tdId), (id, read) -> Math.max(read, views)));
            return counts;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public List<ChatAdmin> admins(long account, long chatId) {
        knownChat(account, chatId);
        ObjectNode request = TdClients.request("getSupergroupMembers").put("supergroup_id", supergroupId(chatId))
                .put("offset", 0).put("limit", 200);
        request.set("filter", TdClients.request("supergroupMembersFilterAdministrators"));
        List<ChatAdmin> admins = new ArrayList<>();
        for (JsonNode member : accounts.call(account, request).path("members")) {
            JsonNode sender = member.path("member_id");
            if (!"messageSenderUser".equals(sender.path("@type").asString())) {
                continue;
            }
            JsonNode user = accounts.call(account, TdClients.request("getUser").put("user_id", sender.path("user_id").asLong()));
            admins.add(TdMessages.admin(user, member));
        }
        admins.sort((a, b) -> Boolean.compare(b.isOwner(), a.isOwner()));
        return admins;
    }

    @Override
    public int memberCount(long account, long chatId) {
        knownChat(account, chatId);
        return accounts.call(account, TdClients.request("getSupergroupFullInfo").put("supergroup_id", supergroupId(chatId)))
                .path("member_count").asInt();
    }

    /** getSupergroupMembers with the Recent filter: what TDLib lists of a channel's subscribers (admins too). */
    @Override
    public MembersPage members(long account, long chatId, int offset, int limit) {
        knownChat(account, chatId);
        ObjectNode request = TdClients.request("getSupergroupMembers").put("supergroup_id", supergroupId(chatId))
                .put("offset", offset).put("limit", limit);
        request.set("filter", TdClients.request("supergroupMembersFilterRecent"));
        JsonNode page = accounts.call(account, request);
        List<MembersPage.Member> members = new ArrayList<>();
        for (JsonNode member : page.path("members")) {
            JsonNode sender = member.path("member_id");
            if (!"messageSenderUser".equals(sender.path("@type").asString())) {
                continue;
            }
            String type = member.path("status").path("@type").asString();
            String status = switch (type) {
                case "chatMemberStatusCreator" -> "creator";
                case "chatMemberStatusAdministrator" -> "administrator";
                case "chatMemberStatusMember" -> "member";
                case "chatMemberStatusRestricted" -> member.path("status").path("is_member").asBoolean() ? "member" : "left";
                default -> "left";
            };
            long joined = member.path("joined_chat_date").asLong(0);
            members.add(new MembersPage.Member(sender.path("user_id").asLong(), null, null, null, false, status,
                    joined > 0 ? Instant.ofEpochSecond(joined) : null));
        }
        return new MembersPage(members, page.path("total_count").asInt(members.size()));
    }

    @Override
    public JoinRequestsPage joinRequests(long account, long chatId, String inviteLink, JoinRequestsPage.Cursor offset, int limit) {
        knownChat(account, chatId);
        ObjectNode request = TdClients.request("getChatJoinRequests").put("chat_id", chatId)
                .put("invite_link", inviteLink == null ? "" : inviteLink).put("query", "").put("limit", limit);
        if (offset != null) {
            request.set("offset_request", TdClients.request("chatJoinRequest").put("user_id", offset.userId()).put("date", offset.date()).put("bio", ""));
        }
        JsonNode page = accounts.call(account, request);
        List<JoinRequestsPage.PendingJoinRequest> requests = new ArrayList<>();
        for (JsonNode r : page.path("requests")) {
            requests.add(new JoinRequestsPage.PendingJoinRequest(r.path("user_id").asLong(),
                    Instant.ofEpochSecond(r.path("date").asLong()), r.path("bio").asString("")));
        }
        JoinRequestsPage.Cursor next = requests.size() < limit ? null : new JoinRequestsPage.Cursor(
                requests.get(requests.size() - 1).date().getEpochSecond(), requests.get(requests.size() - 1).userId());
        return new JoinRequestsPage(requests, page.path("total_count").asInt(), next);
    }

    @Override
    public void decideJoinRequest(long account, long chatId, long userId, boolean approve) {
        knownChat(account, chatId);
        accounts.call(account, TdClients.request("processChatJoinRequest").put("chat_id", chatId).put("user_id", userId).put("approve", approve));
    }

    /** TDLib answers "Chat not found" for a channel it has not loaded yet: load it by its supergroup id. */
    private void knownChat(long account, long chatId) {
        try {
            accounts.call(account, TdClients.request("getChat").put("chat_id", chatId));
        } catch (TelegramException e) {
            if (e.kind() != TelegramException.Kind.NOT_FOUND) {
                throw e;
            }
            accounts.call(account, TdClients.request("createSupergroupChat").put("supergroup_id", supergroupId(chatId)).put("force", false));
        }
    }

    static long supergroupId(long chatId) {
        if (chatId > -SUPERGROUP_BASE) {
            throw new TelegramException(TelegramException.Kind.INVALID, 400, "chatId " + chatId + " is not a channel id (-100…)");
        }
        return -chatId - SUPERGROUP_BASE;
    }

    private static ArrayNode idArray(List<Long> tdIds) {
        ArrayNode ids = TdClients.JSON.createArrayNode();
        tdIds.forEach(ids::add);
        return ids;
    }

}
