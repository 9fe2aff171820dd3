package ru.smetabot.userbot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.ChatAdmin;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.MembersPage;

/**
 * An in-memory Telegram for the API tests: a phone's code is 12345, phones ending in 9 have the
 * 2FA password "secret"; phone +7000000{userId} belongs to Telegram user {userId}.
 */
public class FakeGateway implements TelegramGateway {

    public final Map<Long, String> states = new ConcurrentHashMap<>();
    public final Map<Long, String> phones = new ConcurrentHashMap<>();
    public final List<List<Long>> viewCalls = new CopyOnWriteArrayList<>();
    public final List<Long> loggedOut = new CopyOnWriteArrayList<>();
    public volatile RuntimeException failure;
    /** Views batches answered before {@link #failure} applies to views too (0: from the first). */
    public volatile int viewBatchesBeforeFailure;
    /** Thrown by the next login start instead of asking for a code. */
    public volatile RuntimeException loginFailure;
    /** What TDLib said when it refused an account's session. */
    public final Map<Long, String> sessionErrors = new ConcurrentHashMap<>();

    public void reset() {
        states.clear();
        phones.clear();
        viewCalls.clear();
        loggedOut.clear();
        failure = null;
        viewBatchesBeforeFailure = 0;
        loginFailure = null;
        sessionErrors.clear();
    }

    public void connect(long account) {
        states.put(account, "authorizationStateReady");
        phones.put(account, "+7000000" + account);
    }

    @Override
    public List<Long> accounts() {
        return new ArrayList<>(states.keySet());
    }

    @Override
    public AuthState authState(long account) {
        String state = states.get(account);
        return state == null ? AuthState.NONE : new AuthState(state, state.equals("authorizationStateReady"), sessionErrors.get(account));
    }

    @Override
    public LoginStep startLogin(long account, String phone) {
        RuntimeException refused = loginFailure;
        if (refused != null) {
            loginFailure = null;
            throw refused;
        }
        phones.put(account, phone);
        states.put(account, "authorizationStateWaitCode");
        return LoginStep.CODE_REQUIRED;
    }

    @Override
    public LoginStep submitCode(long account, String code) {
        if (!code.equals("12345")) {
            throw new TelegramException(TelegramException.Kind.WRONG_CODE, 400, "PHONE_CODE_INVALID");
        }
        boolean password = phones.get(account).endsWith("9");
        states.put(account, password ? "authorizationStateWaitPassword" : "authorizationStateReady");
        return password ? LoginStep.PASSWORD_REQUIRED : LoginStep.READY;
    }

    @Override
    public LoginStep submitPassword(long account, String password) {
        if (!password.equals("secret")) {
            throw new TelegramException(TelegramException.Kind.WRONG_CODE, 400, "PASSWORD_HASH_INVALID");
        }
        states.put(account, "authorizationStateReady");
        return LoginStep.READY;
    }

    @Override
    public long currentUserId(long account) {
        return Long.parseLong(phones.get(account).replaceFirst("^\\+7000000", ""));
    }

    @Override
    public void logout(long account) {
        loggedOut.add(account);
        states.remove(account);
    }

    @Override
    public long createChannel(long account, String title, String about) {
        return -1009000000001L;
    }

    @Override
    public long resolveUsername(long account, String username) {
        return 777L;
    }

    @Override
    public void addAdmin(long account, long chatId, long userId, AdminRights rights) {
        fail();
    }

    @Override
    public Map<Long, Integer> viewCounts(long account, long chatId, List<Long> messageIds) {
        if (viewCalls.size() >= viewBatchesBeforeFailure) {
            fail();
        }
        viewCalls.add(List.copyOf(messageIds));
        Map<Long, Integer> views = new HashMap<>();
        messageIds.stream().filter(id -> id % 10 != 0).forEach(id -> views.put(id, (int) (id * 2))); // ids ending in 0 are deleted
        return views;
    }

    @Override
    public List<ChatAdmin> admins(long account, long chatId) {
        fail();
        return List.of(new ChatAdmin(777L, "Smeta", null, "smeta_bot", true, false, "bot"),
                new ChatAdmin(account, "Owner", null, null, false, true, null));
    }

    @Override
    public MembersPage members(long account, long chatId, int offset, int limit) {
        fail();
        return new MembersPage(List.of(new MembersPage.Member(account, "Owner", null, null, false, "creator", null)), 1);
    }

    @Override
    public int memberCount(long account, long chatId) {
        fail();
        return 5;
    }

    @Override
    public JoinRequestsPage joinRequests(long account, long chatId, String inviteLink, JoinRequestsPage.Cursor offset, int limit) {
        fail();
        return new JoinRequestsPage(List.of(), 0, null);
    }

    @Override
    public void decideJoinRequest(long account, long chatId, long userId, boolean approve) {
        fail();
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }
}
