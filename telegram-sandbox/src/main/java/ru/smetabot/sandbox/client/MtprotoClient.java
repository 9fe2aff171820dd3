package ru.smetabot.sandbox.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.client.SandboxTypes.Views;

/** The MTProto side (/sandbox/mtproto): sign in, then act with the returned session. */
public class MtprotoClient {

    private final SandboxHttp http;

    MtprotoClient(SandboxHttp http) {
        this.http = http;
    }

    /** Step 1: returns phone_code_hash. */
    public String sendCode(String phone) {
        return (String) http.post("/sandbox/mtproto/auth/send-code", Map.of("phone", phone), null, Map.class)
                .get("phone_code_hash");
    }

    /** Step 2: {"authorization_state":"ready","session":...} or {"authorization_state":"wait_password"}. */
    public Map<String, Object> signIn(String phone, String phoneCodeHash, String code) {
        return map(http.post("/sandbox/mtproto/auth/sign-in",
                Map.of("phone", phone, "phone_code_hash", phoneCodeHash, "code", code), null, Map.class));
    }

    /** Step 3 (2FA): returns {"authorization_state":"ready","session":...}. */
    public Map<String, Object> checkPassword(String phoneCodeHash, String password) {
        return map(http.post("/sandbox/mtproto/auth/check-password",
                Map.of("phone_code_hash", phoneCodeHash, "password", password), null, Map.class));
    }

    /** The whole sign-in with the test code; {@code password} may be null when the user has none. */
    public String login(String phone, String code, String password) {
        String hash = sendCode(phone);
        Map<String, Object> state = signIn(phone, hash, code);
        if ("wait_password".equals(state.get("authorization_state"))) {
            state = checkPassword(hash, password);
        }
        return (String) state.get("session");
    }

    /** Creates a channel owned by the session's user; returns its Bot API chat id (-100…). */
    public long createChannel(String session, String title) {
        Map<?, ?> reply = http.post("/sandbox/mtproto/channels", Map.of("title", title), session, Map.class);
        return ((Number) reply.get("chat_id")).longValue();
    }

    /** Channels the session's user owns or administers: [{"chat_id","title","owner_id","member_count","date"}]. */
    public List<Map<String, Object>> channels(String session) {
        return list(http.get("/sandbox/mtproto/channels", session, Map.class).get("channels"));
    }

    public void addAdmin(String session, long chatId, long userId, Map<String, Boolean> rights) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("rights", rights);
        http.post("/sandbox/mtproto/channels/" + chatId + "/admins", body, session, Map.class);
    }

    public List<Map<String, Object>> admins(String session, long chatId) {
        return list(http.get("/sandbox/mtproto/channels/" + chatId + "/admins", session, Map.class).get("admins"));
    }

    /** Reads counters for up to 100 ids without counting a view. */
    public Views views(String session, long chatId, List<Integer> messageIds) {
        return http.post("/sandbox/mtproto/channels/" + chatId + "/views", Map.of("message_ids", messageIds),
                session, Views.class);
    }

    public Map<String, Object> joinRequests(String session, long chatId, long offsetUserId, int limit) {
        return map(http.get("/sandbox/mtproto/channels/" + chatId + "/join-requests?offset_user_id=" + offsetUserId
                + "&limit=" + limit, session, Map.class));
    }

    /** Only the requests made through {@code inviteLink}; another admin's link needs the owner's session. */
    public Map<String, Object> joinRequests(String session, long chatId, String inviteLink, long offsetUserId,
                                            int limit) {
        return map(http.get("/sandbox/mtproto/channels/" + chatId + "/join-requests?offset_user_id=" + offsetUserId
                + "&limit=" + limit + "&invite_link=" + URLEncoder.encode(inviteLink, StandardCharsets.UTF_8),
                session, Map.class));
    }

    public void approve(String session, long chatId, long userId) {
        http.post("/sandbox/mtproto/channels/" + chatId + "/join-requests/" + userId + "/approve", null, session,
                Map.class);
    }

    public void decline(String session, long chatId, long userId) {
        http.post("/sandbox/mtproto/channels/" + chatId + "/join-requests/" + userId + "/decline", null, session,
                Map.class);
    }

    public Map<String, Object> participants(String session, long chatId, int offset, int limit) {
        return map(http.get("/sandbox/mtproto/channels/" + chatId + "/participants?offset=" + offset
                + "&limit=" + limit, session, Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
