package ru.smetabot.bot.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import ru.smetabot.sandbox.client.MtprotoClient;
import ru.smetabot.sandbox.client.SandboxTypes;
import ru.smetabot.userbotapi.AccountRequest;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.AdminsResponse;
import ru.smetabot.userbotapi.BotAdminAdded;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.CreatedRoom;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.JoinRequestDecision;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.MemberCount;
import ru.smetabot.userbotapi.SessionStatus;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotFloodWaitException;

/**
 * A userbot in the test JVM: the contract's methods the bot uses, done on the sandbox's MTProto side
 * with the account's own session (so channels are owned by the contractor and views are read
 * without counting one). {@link #failNext} scripts one failure.
 */
class SandboxUserbot implements UserbotApi {

    private final MtprotoClient mtproto = BotSandbox.client().mtproto();
    private final Map<Long, String> sessions = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final Map<String, RuntimeException> nextFailureOf = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger joinRequestPages = new java.util.concurrent.atomic.AtomicInteger();

    /** Signs the account in on the sandbox's MTProto side, as the login page would. */
    void connect(long account, String phone) {
        sessions.put(account, mtproto.login(phone, BotSandbox.LOGIN_CODE, null));
    }

    void failNext(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** The next call of {@code method} (e.g. "addBotAdmin") fails. */
    void failNext(String method, RuntimeException failure) {
        nextFailureOf.put(method, failure);
    }

    static UserbotFloodWaitException floodWait(long seconds) {
        return new UserbotFloodWaitException(Duration.ofSeconds(seconds), "FLOOD_WAIT_" + seconds);
    }

    private void maybeFail(String method) {
        RuntimeException failure = nextFailureOf.remove(method);
        if (failure == null) {
            failure = nextFailure.getAndSet(null);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public SessionStatus sessionStatus(Long account) {
        maybeFail("sessionStatus");
        boolean authorized = account != null && sessions.containsKey(account);
        return new SessionStatus(account == null ? List.of()
                : List.of(new SessionStatus.Account(account, authorized, authorized ? "ready" : "none", null, null)));
    }

    @Override
    public CreatedRoom createRoom(CreateRoomRequest request) {
        maybeFail("createRoom");
        return new CreatedRoom(mtproto.createChannel(session(request.account()), request.title()), request.title());
    }

    @Override
    public BotAdminAdded addBotAdmin(AddBotAdminRequest request) {
        maybeFail("addBotAdmin");
        mtproto.addAdmin(session(request.account()), request.chatId(), request.botUserId(), null);
        return new BotAdminAdded(request.chatId(), request.botUserId(), request.rights());
    }

    @Override
    public ru.smetabot.userbotapi.ViewsResponse getViews(GetViewsRequest request) {
        maybeFail("getViews");
        SandboxTypes.Views views = mtproto.views(session(request.account()), request.chatId(),
                request.messageIds().stream().map(Long::intValue).toList());
        Map<Long, Integer> counts = new java.util.HashMap<>();
        views.views().forEach((id, n) -> counts.put(id.longValue(), n));
        return new ru.smetabot.userbotapi.ViewsResponse(counts, views.missing().stream().map(Integer::longValue).toList());
    }

    private String session(long account) {
        String session = sessions.get(account);
        if (session == null) {
            throw new ru.smetabot.userbotapi.UserbotRejectedException(403, ru.smetabot.userbotapi.UserbotProblems.NOT_AUTHORIZED,
                    "account " + account + " is not connected");
        }
        return session;
    }

    /** loginId → (account, phone, phone_code_hash) of a login under way, as userbot-service keeps it. */
    private record PendingLogin(long account, String phone, String hash) {
    }

    private final Map<String, PendingLogin> logins = new ConcurrentHashMap<>();

    @Override
    public LoginResponse startLogin(LoginStartRequest request) {
        maybeFail("startLogin");
        String loginId = java.util.UUID.randomUUID().toString();
        logins.put(loginId, new PendingLogin(request.account(), request.phone(), mtproto.sendCode(request.phone())));
        return new LoginResponse(loginId, LoginResponse.State.CODE_REQUIRED, request.account(),
                java.time.Instant.now().plus(Duration.ofMinutes(10)));
    }

    @Override
    public LoginResponse submitCode(LoginCodeRequest request) {
        PendingLogin login = logins.get(request.loginId());
        Map<String, Object> state = mtproto.signIn(login.phone(), login.hash(), request.code());
        return loginState(request.loginId(), login, state);
    }

    @Override
    public LoginResponse submitPassword(LoginPasswordRequest request) {
        PendingLogin login = logins.get(request.loginId());
        return loginState(request.loginId(), login, mtproto.checkPassword(login.hash(), request.password()));
    }

    private LoginResponse loginState(String loginId, PendingLogin login, Map<String, Object> state) {
        if ("wait_password".equals(state.get("authorization_state"))) {
            return new LoginResponse(loginId, LoginResponse.State.PASSWORD_REQUIRED, login.account(),
                    java.time.Instant.now().plus(Duration.ofMinutes(10)));
        }
        logins.remove(loginId);
        sessions.put(login.account(), (String) state.get("session"));
        return new LoginResponse(loginId, LoginResponse.State.READY, login.account(), null);
    }

    @Override
    public SessionStatus.Account logout(AccountRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AdminsResponse getAdmins(ChatRequest request) {
        maybeFail("getAdmins");
        return new AdminsResponse(mtproto.admins(session(request.account()), request.chatId()).stream()
                .map(a -> new ru.smetabot.userbotapi.ChatAdmin(((Number) a.get("user_id")).longValue(),
                        (String) a.get("first_name"), (String) a.get("last_name"), (String) a.get("username"),
                        Boolean.TRUE.equals(a.get("is_bot")), Boolean.TRUE.equals(a.get("is_owner")), null))
                .toList());
    }

    /** The MTProto side's participant list, as the real userbot's sandbox gateway reads it. */
    @Override
    public ru.smetabot.userbotapi.MembersPage members(ru.smetabot.userbotapi.MembersRequest request) {
        maybeFail("members");
        Map<String, Object> page = mtproto.participants(session(request.account()), request.chatId(), request.offset(), request.limit());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("participants");
        return new ru.smetabot.userbotapi.MembersPage(rows.stream().map(r -> new ru.smetabot.userbotapi.MembersPage.Member(
                ((Number) r.get("user_id")).longValue(), (String) r.get("first_name"), (String) r.get("last_name"),
                (String) r.get("username"), Boolean.TRUE.equals(r.get("is_bot")), (String) r.get("status"),
                r.get("date") == null ? null : java.time.Instant.ofEpochSecond(((Number) r.get("date")).longValue()))).toList(),
                ((Number) page.get("count")).intValue());
    }

    @Override
    public MemberCount memberCount(ChatRequest request) {
        maybeFail("memberCount");
        return new MemberCount(request.chatId(), BotSandbox.client().channel(request.chatId()).memberCount());
    }

    /**
     * Pending requests, filtered by link like TDLib's getChatJoinRequests, one page of {@code limit} at
     * a time with a cursor (the last request's date and user) as the real userbot pages them.
     */
    @Override
    public JoinRequestsPage joinRequests(JoinRequestsRequest request) {
        maybeFail("joinRequests");
        joinRequestPages.incrementAndGet();
        List<JoinRequestsPage.PendingJoinRequest> all = new java.util.ArrayList<>();
        long offset = 0;
        while (true) {
            Map<String, Object> page = mtproto.joinRequests(session(request.account()), request.chatId(), offset, 100);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("requests");
            rows.stream().filter(r -> request.inviteLink() == null || request.inviteLink().equals(r.get("invite_link")))
                    .map(r -> new JoinRequestsPage.PendingJoinRequest(((Number) r.get("user_id")).longValue(),
                            java.time.Instant.ofEpochSecond(((Number) r.get("date")).longValue()), null))
                    .forEach(all::add);
            Object next = page.get("next_offset_user_id");
            if (next == null) {
                break;
            }
            offset = ((Number) next).longValue();
        }
        int from = 0;
        if (request.offset() != null) {
            while (from < all.size() && all.get(from).userId() != request.offset().userId()) {
                from++;
            }
            from = Math.min(from + 1, all.size());
        }
        int to = Math.min(all.size(), from + request.limit());
        JoinRequestsPage.PendingJoinRequest last = to > from ? all.get(to - 1) : null;
        JoinRequestsPage.Cursor cursor = to < all.size() && last != null
                ? new JoinRequestsPage.Cursor(last.date().getEpochSecond(), last.userId()) : null;
        return new JoinRequestsPage(all.subList(from, to), all.size(), cursor);
    }

    /** How many pages of join requests were asked for, to see that a sweep follows the cursor. */
    int joinRequestPages() {
        return joinRequestPages.get();
    }

    @Override
    public JoinRequestDecision decideJoinRequest(JoinRequestDecision request) {
        throw new UnsupportedOperationException();
    }
}
