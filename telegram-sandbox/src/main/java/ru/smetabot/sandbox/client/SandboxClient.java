package ru.smetabot.sandbox.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.client.SandboxTypes.Account;
import ru.smetabot.sandbox.client.SandboxTypes.CallbackAnswer;
import ru.smetabot.sandbox.client.SandboxTypes.CallbackEdit;
import ru.smetabot.sandbox.client.SandboxTypes.Channel;
import ru.smetabot.sandbox.client.SandboxTypes.Dialog;
import ru.smetabot.sandbox.client.SandboxTypes.Fault;
import ru.smetabot.sandbox.client.SandboxTypes.JoinDecision;
import ru.smetabot.sandbox.client.SandboxTypes.JoinOutcome;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The control API (/sandbox/api) from plain Java: act as users, set up channels, script faults.
 * Thread-safe; failures throw {@link SandboxClientException}. {@link #mtproto()} drives the MTProto side.
 */
public class SandboxClient {

    private final SandboxHttp http;
    private final String baseUrl;

    public SandboxClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new SandboxHttp(baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public MtprotoClient mtproto() {
        return new MtprotoClient(http);
    }

    public void reset() {
        http.post("/sandbox/api/reset", null, null, Map.class);
    }

    public void advanceClock(Duration by) {
        http.post("/sandbox/api/clock/advance", Map.of("seconds", by.toSeconds()), null, Map.class);
    }

    public Account createUser(long id, String firstName, String username) {
        return createUser(id, firstName, null, username, null, null);
    }

    /** A user that can also sign in on the MTProto side with {@code phone} (and {@code password} if not null). */
    public Account createUser(long id, String firstName, String lastName, String username, String phone,
                              String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("first_name", firstName);
        body.put("last_name", lastName);
        body.put("username", username);
        body.put("phone", phone);
        body.put("password", password);
        return http.post("/sandbox/api/users", body, null, Account.class);
    }

    public Account createBot(String token, String username) {
        return http.post("/sandbox/api/bots", Map.of("token", token, "username", username), null, Account.class);
    }

    public Channel createChannel(long ownerId, String title) {
        return http.post("/sandbox/api/channels", Map.of("owner_id", ownerId, "title", title), null, Channel.class);
    }

    /** A public channel (with a username): users can ask to join it without an invite link. */
    public Channel createChannel(long ownerId, String title, String username) {
        return http.post("/sandbox/api/channels", Map.of("owner_id", ownerId, "title", title, "username", username),
                null, Channel.class);
    }

    public Channel channel(long chatId) {
        return http.get("/sandbox/api/channels/" + chatId, null, Channel.class);
    }

    /** Appoints an admin with all rights, on behalf of the owner (a bot receives my_chat_member). */
    public Channel addAdmin(long chatId, long userId) {
        return http.post("/sandbox/api/channels/" + chatId + "/admins", Map.of("user_id", userId), null,
                Channel.class);
    }

    /** Appoints an admin with only the given Bot API rights (can_post_messages …), on behalf of the owner. */
    public Channel addAdmin(long chatId, long userId, Map<String, Boolean> rights) {
        return http.post("/sandbox/api/channels/" + chatId + "/admins", Map.of("user_id", userId, "rights", rights), null,
                Channel.class);
    }

    public Channel removeAdmin(long chatId, long userId) {
        return http.delete("/sandbox/api/channels/" + chatId + "/admins/" + userId, Channel.class);
    }

    public Message postToChannel(long chatId, long userId, String text) {
        return http.post("/sandbox/api/channels/" + chatId + "/posts", Map.of("user_id", userId, "text", text),
                null, Message.class);
    }

    /**
     * Control API only (not Telegram): {@code count} text posts "text 1" … "text count" in one call; the new
     * message ids in order. At most 10 000 per call.
     */
    public int[] postManyToChannel(long chatId, long userId, int count, String text) {
        Map<?, ?> reply = http.post("/sandbox/api/channels/" + chatId + "/posts:bulk",
                Map.of("user_id", userId, "count", count, "text", text), null, Map.class);
        return ((List<?>) reply.get("message_ids")).stream().mapToInt(id -> ((Number) id).intValue()).toArray();
    }

    /** The owner (or a user admin) posts a file straight into the channel; {@code caption} may be null. */
    public Message postDocumentToChannel(long chatId, long userId, String fileName, String mimeType, byte[] content,
                                         String caption) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("text", caption);
        body.put("file_name", fileName);
        body.put("mime_type", mimeType);
        body.put("content_base64", Base64.getEncoder().encodeToString(content));
        return http.post("/sandbox/api/channels/" + chatId + "/posts", body, null, Message.class);
    }

    /** Reads the channel as {@code viewerId}'s client does: this counts views. */
    public List<Message> readChannel(long chatId, long viewerId) {
        return http.get("/sandbox/api/channels/" + chatId + "/posts?viewer_id=" + viewerId, null,
                http.json.getTypeFactory().constructCollectionType(List.class, Message.class));
    }

    public void leaveChannel(long chatId, long userId) {
        http.post("/sandbox/api/channels/" + chatId + "/leave", Map.of("user_id", userId), null, Map.class);
    }

    public JoinOutcome openInviteLink(long userId, String link) {
        return http.post("/sandbox/api/invite-links/open", Map.of("user_id", userId, "link", link), null,
                JoinOutcome.class);
    }

    /** A request to join a public channel without an invite link (admin bots get chat_join_request). */
    public void requestToJoin(long chatId, long userId) {
        http.post(joinRequests(chatId), Map.of("user_id", userId), null, Map.class);
    }

    /** The user withdraws their pending join request. */
    public void withdrawJoinRequest(long chatId, long userId) {
        http.delete(joinRequests(chatId) + "/" + userId, Map.class);
    }

    /** A human admin ({@code actorId}, with can_invite_users) approves or declines a pending request. */
    public void decideJoinRequest(long chatId, long actorId, long userId, boolean approve) {
        http.post(joinRequests(chatId) + "/" + userId + (approve ? "/approve" : "/decline"),
                Map.of("actor_id", actorId), null, Map.class);
    }

    private static String joinRequests(long chatId) {
        return "/sandbox/api/channels/" + chatId + "/join-requests";
    }

    public Message sendText(long userId, long botId, String text) {
        return http.post(dialog(userId, botId) + "/messages", Map.of("text", text), null, Message.class);
    }

    public Message pressReplyButton(long userId, long botId, String text) {
        return http.post(dialog(userId, botId) + "/reply-button", Map.of("text", text), null, Message.class);
    }

    /** Presses an inline button; returns the callback query id. */
    public String pressInlineButton(long userId, long botId, int messageId, String callbackData) {
        Map<?, ?> reply = http.post(dialog(userId, botId) + "/callback",
                Map.of("message_id", messageId, "data", callbackData), null, Map.class);
        return (String) reply.get("callback_id");
    }

    /** A channel member presses an inline button under a post; returns the callback query id. */
    public String pressChannelPostButton(long chatId, long userId, int messageId, String callbackData) {
        Map<?, ?> reply = http.post("/sandbox/api/channels/" + chatId + "/posts/" + messageId + "/callback",
                Map.of("user_id", userId, "data", callbackData), null, Map.class);
        return (String) reply.get("callback_id");
    }

    /**
     * Opens the bot's {@code web_app} button with this URL as a Telegram client would: the answer is the URL
     * to load, with {@code #tgWebAppData=<initData signed by the bot's token>&tgWebAppVersion=…}.
     */
    public String openWebApp(long userId, long botId, String url) {
        Map<?, ?> reply = http.post(dialog(userId, botId) + "/web-app", Map.of("url", url), null, Map.class);
        return (String) reply.get("url");
    }

    public CallbackAnswer callbackAnswer(String callbackId) {
        return http.get("/sandbox/api/callbacks/" + callbackId, null, CallbackAnswer.class);
    }

    /**
     * Waits until the message the button was pressed on has been edited since the press: the press, answer
     * and edit times (sandbox wall clock, ms) and the new message. Throws with status 408 when no edit came.
     */
    public CallbackEdit awaitCallbackEdit(String callbackId, Duration timeout) {
        return http.get("/sandbox/api/callbacks/" + callbackId + "/edit?timeout_ms=" + timeout.toMillis(), null,
                CallbackEdit.class);
    }

    /** The channel's decided join requests with their request and decision times (sandbox wall clock, ms). */
    public List<JoinDecision> joinDecisions(long chatId) {
        return http.get("/sandbox/api/channels/" + chatId + "/join-decisions", null,
                http.json.getTypeFactory().constructCollectionType(List.class, JoinDecision.class));
    }

    public Message sendDocument(long userId, long botId, String fileName, String mimeType, byte[] content,
                                String caption) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file_name", fileName);
        body.put("mime_type", mimeType);
        body.put("content_base64", Base64.getEncoder().encodeToString(content));
        body.put("caption", caption);
        return http.post(dialog(userId, botId) + "/documents", body, null, Message.class);
    }

    /** The bytes of a file in the sandbox: a document or photo a bot sent, or one a user uploaded. */
    public byte[] file(String fileId) {
        return http.bytes("/sandbox/api/files/" + URLEncoder.encode(fileId, StandardCharsets.UTF_8));
    }

    /** The chat with the bot as the user sees it. */
    public Dialog readDialog(long userId, long botId) {
        return http.get(dialog(userId, botId), null, Dialog.class);
    }

    /** Waits for a bot message after {@code afterMessageId} containing {@code textContains} (408 → exception). */
    public Message awaitBotMessage(long userId, long botId, String textContains, int afterMessageId,
                                   Duration timeout) {
        return await(userId, botId, textContains, afterMessageId, false, timeout);
    }

    /** Waits until a bot message containing {@code textContains} has been edited at least once. */
    public Message awaitEditedBotMessage(long userId, long botId, String textContains, Duration timeout) {
        return await(userId, botId, textContains, 0, true, timeout);
    }

    private Message await(long userId, long botId, String textContains, int after, boolean edited,
                          Duration timeout) {
        String query = "?text_contains=" + URLEncoder.encode(textContains, StandardCharsets.UTF_8)
                + "&after_message_id=" + after + "&edited=" + edited + "&timeout_ms=" + timeout.toMillis();
        return http.get(dialog(userId, botId) + "/wait" + query, null, Message.class);
    }

    /** Switches a fault on; {@code times} null = until removed. See README for targets. */
    public Fault addFault(String target, String kind, Integer seconds, Integer latencyMs, Integer times) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("kind", kind);
        body.put("seconds", seconds);
        body.put("latency_ms", latencyMs);
        body.put("times", times);
        return http.post("/sandbox/api/faults", body, null, Fault.class);
    }

    /**
     * Holds the next {@code times} calls of an MTProto operation about one chat (e.g. "mtproto:getViews")
     * until the fault is removed, or at most {@code seconds}; {@link Fault#held()} says how many wait now.
     */
    public Fault holdCalls(String target, long chatId, int times, int seconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("kind", "HOLD");
        body.put("seconds", seconds);
        body.put("times", times);
        body.put("chat_id", chatId);
        return http.post("/sandbox/api/faults", body, null, Fault.class);
    }

    /** The fault of that id as it is now (e.g. its {@code held} calls), or null once it is switched off. */
    public Fault fault(String id) {
        return faults().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    public void removeFault(String id) {
        http.delete("/sandbox/api/faults/" + id, Map.class);
    }

    public List<Fault> faults() {
        return http.get("/sandbox/api/faults", null,
                http.json.getTypeFactory().constructCollectionType(List.class, Fault.class));
    }

    public void clearFaults() {
        http.delete("/sandbox/api/faults", Map.class);
    }

    private static String dialog(long userId, long botId) {
        return "/sandbox/api/users/" + userId + "/bots/" + botId;
    }
}
