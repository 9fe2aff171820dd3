package ru.smetabot.userbot.gateway;

import java.util.List;
import java.util.Map;
import ru.smetabot.userbotapi.AdminRights;
import ru.smetabot.userbotapi.ChatAdmin;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.MembersPage;

/**
 * Everything the userbot asks of Telegram on behalf of a connected account (a Telegram user id).
 * Chat ids are Bot API ids ({@code -100…}), message ids are Bot API message ids. Every method
 * either answers or throws a {@link TelegramException}; none waits without a deadline.
 */
public interface TelegramGateway {

    /** Largest number of message ids Telegram accepts in one views call. */
    int MAX_VIEWS_BATCH = 100;

    /** Accounts this gateway holds a session (authorized or not) for. */
    List<Long> accounts();

    /**
     * Accounts whose session is stored where every instance finds it (SESSIONS_DIR, the sandbox's table): at start an
     * instance opens those whose lease it gets.
     */
    default List<Long> stored() {
        return accounts();
    }

    /**
     * This instance now holds the account's lease: open its stored session here (nothing when it is open already or
     * none is stored). Called before any other call for the account on this instance.
     */
    default void open(long account) {
    }

    /**
     * This instance no longer holds the account's lease: close its session here without ending it on Telegram's side
     * (the instance that takes the account over reopens it).
     */
    default void close(long account) {
    }

    /** The account's authorization state, e.g. {@code authorizationStateReady}; {@link AuthState#NONE} when unknown. */
    AuthState authState(long account);

    /** Sends the phone number; answers what the login needs next. */
    LoginStep startLogin(long account, String phone);

    LoginStep submitCode(long account, String code);

    LoginStep submitPassword(long account, String password);

    /** Telegram user id of the authorized session. */
    long currentUserId(long account);

    /** Ends the session on Telegram's side and forgets it here. */
    void logout(long account);

    /** Creates a broadcast channel; answers its Bot API chat id. */
    long createChannel(long account, String title, String about);

    /** Resolves a public username once (rate-limited by Telegram); answers the user id. */
    long resolveUsername(long account, String username);

    void addAdmin(long account, long chatId, long userId, AdminRights rights);

    /**
     * View counts for at most {@link #MAX_VIEWS_BATCH} posts, read without adding a view.
     * Ids Telegram does not have (deleted posts) are absent from the answer.
     */
    Map<Long, Integer> viewCounts(long account, long chatId, List<Long> messageIds);

    List<ChatAdmin> admins(long account, long chatId);

    int memberCount(long account, long chatId);

    /** A page of the channel's members (admins and subscribers), as the account sees them. */
    MembersPage members(long account, long chatId, int offset, int limit);

    JoinRequestsPage joinRequests(long account, long chatId, String inviteLink, JoinRequestsPage.Cursor offset, int limit);

    void decideJoinRequest(long account, long chatId, long userId, boolean approve);

    /**
     * Where an account's authorization stands.
     *
     * @param error why the account's stored session cannot be opened (TDLib refused setTdlibParameters), or null
     */
    record AuthState(String name, boolean authorized, String error) {
        public static final AuthState NONE = new AuthState("none", false, null);

        public AuthState(String name, boolean authorized) {
            this(name, authorized, null);
        }
    }

    /** What a login needs next. */
    enum LoginStep { READY, CODE_REQUIRED, PASSWORD_REQUIRED }
}
