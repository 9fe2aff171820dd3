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

    @Override
    public LoginResponse startLogin(LoginStartRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResponse submitCode(LoginCodeRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResponse submitPassword(LoginPasswordRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SessionStatus.Account logout(AccountRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AdminsResponse getAdmins(ChatRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MemberCount memberCount(ChatRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JoinRequestsPage joinRequests(JoinRequestsRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JoinRequestDecision decideJoinRequest(JoinRequestDecision request) {
        throw new UnsupportedOperationException();
    }
}
