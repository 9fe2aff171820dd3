package ru.smetabot.userbotapi;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The userbot's REST API, declared once: the userbot implements it, bot and worker call it through
 * {@link UserbotClients#create}. Every error arrives as a {@link UserbotException}:
 * {@link UserbotFloodWaitException} (429, retry after), {@link UserbotUnavailableException}
 * (unreachable, timeout, 5xx) or {@link UserbotRejectedException} (other 4xx, with the problem detail).
 */
@HttpExchange(accept = "application/json", contentType = "application/json")
public interface UserbotApi {

    String SESSION_STATUS = "/session/status";
    String LOGIN_START = "/session/login/start";
    String LOGIN_CODE = "/session/login/code";
    String LOGIN_PASSWORD = "/session/login/password";
    String LOGOUT = "/session/logout";
    String CREATE_ROOM = "/rooms/create";
    String ADD_BOT_ADMIN = "/rooms/add_bot_admin";
    String GET_VIEWS = "/rooms/get_views";
    String GET_ADMINS = "/rooms/get_admins";
    String MEMBER_COUNT = "/rooms/member_count";
    String MEMBERS = "/rooms/members";
    String JOIN_REQUESTS = "/rooms/join_requests";
    String DECIDE_JOIN_REQUEST = "/rooms/join_requests/decide";

    /** Every connected account, or only {@code account} when given. */
    @GetExchange(SESSION_STATUS)
    SessionStatus sessionStatus(@RequestParam(name = "account", required = false) Long account);

    @PostExchange(LOGIN_START)
    LoginResponse startLogin(@RequestBody LoginStartRequest request);

    @PostExchange(LOGIN_CODE)
    LoginResponse submitCode(@RequestBody LoginCodeRequest request);

    @PostExchange(LOGIN_PASSWORD)
    LoginResponse submitPassword(@RequestBody LoginPasswordRequest request);

    @PostExchange(LOGOUT)
    SessionStatus.Account logout(@RequestBody AccountRequest request);

    @PostExchange(CREATE_ROOM)
    CreatedRoom createRoom(@RequestBody CreateRoomRequest request);

    @PostExchange(ADD_BOT_ADMIN)
    BotAdminAdded addBotAdmin(@RequestBody AddBotAdminRequest request);

    /** View counts without adding a view; any number of ids (batched by the userbot). */
    @PostExchange(GET_VIEWS)
    ViewsResponse getViews(@RequestBody GetViewsRequest request);

    @PostExchange(GET_ADMINS)
    AdminsResponse getAdmins(@RequestBody ChatRequest request);

    @PostExchange(MEMBER_COUNT)
    MemberCount memberCount(@RequestBody ChatRequest request);

    /** A page of the room's members (for the bot's periodic member reconciliation). */
    @PostExchange(MEMBERS)
    MembersPage members(@RequestBody MembersRequest request);

    @PostExchange(JOIN_REQUESTS)
    JoinRequestsPage joinRequests(@RequestBody JoinRequestsRequest request);

    @PostExchange(DECIDE_JOIN_REQUEST)
    JoinRequestDecision decideJoinRequest(@RequestBody JoinRequestDecision request);
}
