package ru.smetabot.userbot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.ChatAdmin;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.MembersPage;
import tools.jackson.databind.JsonNode;

/**
 * The gateway over telegram-sandbox: sessions are the sandbox's tokens per account, kept in PostgreSQL
 * ({@link SandboxSessions}), so they survive a restart (the sandbox keeps its side) and any instance holding an
 * account's lease continues its session or its login.
 */
public class SandboxGateway implements TelegramGateway {

    private final SandboxHttp http;
    private final SandboxSessions sessions;

    public SandboxGateway(SandboxHttp http, SandboxSessions sessions) {
        this.http = http;
        this.sessions = sessions;
    }

    @Override
    public List<Long> accounts() {
        return sessions.accounts();
    }

    @Override
    public AuthState authState(long account) {
        if (sessions.token(account).isPresent()) {
            return new AuthState("ready", true);
        }
        return sessions.pending(account).isPresent() ? new AuthState("wait_code", false) : AuthState.NONE;
    }

    @Override
    public LoginStep startLogin(long account, String phone) {
        String hash = http.post("sendCode", "/auth/send-code", Map.of("phone", phone), null).path("phone_code_hash").asString();
        sessions.loginStarted(account, phone, hash);
        return LoginStep.CODE_REQUIRED;
    }

    @Override
    public LoginStep submitCode(long account, String code) {
        SandboxSessions.Pending p = pendingOf(account);
        return finish(account, http.post("signIn", "/auth/sign-in",
                Map.of("phone", p.phone(), "phone_code_hash", p.phoneCodeHash(), "code", code), null));
    }

    @Override
    public LoginStep submitPassword(long account, String password) {
        SandboxSessions.Pending p = pendingOf(account);
        return finish(account, http.post("checkPassword", "/auth/check-password",
                Map.of("phone_code_hash", p.phoneCodeHash(), "password", password), null));
    }

    private LoginStep finish(long account, JsonNode answer) {
        if (!"ready".equals(answer.path("authorization_state").asString())) {
            return LoginStep.PASSWORD_REQUIRED;
        }
        sessions.connected(account, answer.path("session").asString());
        return LoginStep.READY;
    }

    private SandboxSessions.Pending pendingOf(long account) {
        return sessions.pending(account).orElseThrow(() -> TelegramException.notAuthorized(account, "no login in progress"));
    }

    @Override
    public long currentUserId(long account) {
        return http.get("getMe", "/me", session(account)).path("user_id").asLong();
    }

    @Override
    public void logout(long account) {
        String session = sessions.token(account).orElse(null);
        sessions.forget(account);
        if (session != null) {
            http.post("logOut", "/auth/log-out", null, session);
        }
    }

    @Override
    public long createChannel(long account, String title, String about) {
        return http.post("createChannel", "/channels", Map.of("title", title, "about", about == null ? "" : about), session(account))
                .path("chat_id").asLong();
    }

    @Override
    public long resolveUsername(long account, String username) {
        throw new TelegramException(TelegramException.Kind.INVALID, 400,
                "the sandbox resolves no usernames: pass botUserId (@" + username.replaceFirst("^@", "") + ")");
    }

    @Override
    public void addAdmin(long account, long chatId, long userId, AdminRights r) {
        Map<String, Object> rights = new LinkedHashMap<>();
        rights.put("can_manage_chat", true);
        rights.put("can_post_messages", r.postMessages());
        rights.put("can_edit_messages", r.editMessages());
        rights.put("can_delete_messages", r.deleteMessages());
        rights.put("can_invite_users", r.inviteUsers());
        rights.put("can_restrict_members", r.restrictMembers());
        rights.put("can_promote_members", r.promoteMembers());
        rights.put("can_change_info", r.changeInfo());
        http.post("addAdmin", "/channels/" + chatId + "/admins", Map.of("user_id", userId, "rights", rights), session(account));
    }

    @Override
    public Map<Long, Integer> viewCounts(long account, long chatId, List<Long> messageIds) {
        if (messageIds.size() > MAX_VIEWS_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_VIEWS_BATCH + " ids per call, got " + messageIds.size());
        }
        JsonNode answer = http.post("getViews", "/channels/" + chatId + "/views", Map.of("message_ids", messageIds), session(account));
        Map<Long, Integer> views = new LinkedHashMap<>();
        answer.path("views").properties().forEach(e -> views.put(Long.parseLong(e.getKey()), e.getValue().asInt()));
        return views;
    }

    @Override
    public List<ChatAdmin> admins(long account, long chatId) {
        List<ChatAdmin> admins = new ArrayList<>();
        for (JsonNode a : http.get("getAdmins", "/channels/" + chatId + "/admins", session(account)).path("admins")) {
            admins.add(new ChatAdmin(a.path("user_id").asLong(), a.path("first_name").asString(null), a.path("last_name").asString(null),
                    a.path("username").asString(null), a.path("is_bot").asBoolean(), a.path("is_owner").asBoolean(), null));
        }
        admins.sort((a, b) -> Boolean.compare(b.isOwner(), a.isOwner()));
        return admins;
    }

    @Override
    public int memberCount(long account, long chatId) {
        return http.get("getChannel", "/channels/" + chatId, session(account)).path("member_count").asInt();
    }

    @Override
    public MembersPage members(long account, long chatId, int offset, int limit) {
        JsonNode page = http.get("getParticipants", "/channels/" + chatId + "/participants?offset=" + offset + "&limit=" + limit,
                session(account));
        List<MembersPage.Member> members = new ArrayList<>();
        for (JsonNode p : page.path("participants")) {
            long date = p.path("date").asLong(0);
            members.add(new MembersPage.Member(p.path("user_id").asLong(p.path("id").asLong()), p.path("first_name").asString(null),
                    p.path("last_name").asString(null), p.path("username").asString(null), p.path("is_bot").asBoolean(),
                    p.path("status").asString("member"), date > 0 ? Instant.ofEpochSecond(date) : null));
        }
        return new MembersPage(members, page.path("count").asInt(members.size()));
    }

    @Override
    public JoinRequestsPage joinRequests(long account, long chatId, String inviteLink, JoinRequestsPage.Cursor offset, int limit) {
        JsonNode page = http.get("getJoinRequests", "/channels/" + chatId + "/join-requests?offset_user_id="
                + (offset == null ? 0 : offset.userId()) + "&limit=" + limit, session(account));
        List<JoinRequestsPage.PendingJoinRequest> requests = new ArrayList<>();
        for (JsonNode r : page.path("requests")) {
            if (inviteLink == null || inviteLink.equals(r.path("invite_link").asString(null))) {
                requests.add(new JoinRequestsPage.PendingJoinRequest(r.path("user_id").asLong(), Instant.ofEpochSecond(r.path("date").asLong()), null));
            }
        }
        int returned = page.path("requests").size();
        JsonNode last = returned == 0 ? null : page.path("requests").get(returned - 1);
        JoinRequestsPage.Cursor next = returned < limit || last == null ? null
                : new JoinRequestsPage.Cursor(last.path("date").asLong(), last.path("user_id").asLong());
        return new JoinRequestsPage(requests, page.path("count").asInt(), next);
    }

    @Override
    public void decideJoinRequest(long account, long chatId, long userId, boolean approve) {
        http.post(approve ? "approveJoinRequest" : "declineJoinRequest",
                "/channels/" + chatId + "/join-requests/" + userId + (approve ? "/approve" : "/decline"), null, session(account));
    }

    private String session(long account) {
        return sessions.token(account).orElseThrow(() -> TelegramException.notAuthorized(account, authState(account).name()));
    }
}
