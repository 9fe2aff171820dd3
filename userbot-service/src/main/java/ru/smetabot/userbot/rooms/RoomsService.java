package ru.smetabot.userbot.rooms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.smetabot.userbot.gateway.TelegramCalls;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway;
import ru.smetabot.userbot.web.TelegramProblems;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.AdminsResponse;
import ru.smetabot.userbotapi.BotAdminAdded;
import ru.smetabot.userbotapi.CreatedRoom;
import ru.smetabot.userbotapi.JoinRequestDecision;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.MembersPage;
import ru.smetabot.userbotapi.MembersRequest;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.MemberCount;
import ru.smetabot.userbotapi.ViewsResponse;

/** The room operations, each on behalf of a connected account, through the gateway. */
@Service
class RoomsService {

    private static final Logger log = LoggerFactory.getLogger(RoomsService.class);

    private final TelegramGateway gateway;
    private final TelegramCalls calls;

    RoomsService(TelegramGateway gateway, TelegramCalls calls) {
        this.gateway = gateway;
        this.calls = calls;
    }

    /**
     * Any number of ids, asked in batches of at most 100; duplicates asked once. When a batch fails after others
     * were read and the caller takes {@code partial} answers, the counts read come back with the failure as the
     * answer's stop (the caller keeps them, as it would have with calls of 100); otherwise the failure is thrown.
     */
    ViewsResponse views(long account, long chatId, List<Long> messageIds, boolean partial) {
        connected(account);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(messageIds));
        Map<Long, Integer> views = new HashMap<>();
        for (int from = 0; from < ids.size(); from += TelegramGateway.MAX_VIEWS_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + TelegramGateway.MAX_VIEWS_BATCH));
            try {
                views.putAll(calls.call("getViews", account, () -> gateway.viewCounts(account, chatId, batch)));
            } catch (TelegramException e) {
                if (!partial || from == 0) {
                    throw e;
                }
                log.warn("get_views account={} chat={}: {} stopped the reading after {} of {} ids; answered the counts"
                        + " read with the stop, the caller keeps them", account, chatId, e.kind(), from, ids.size());
                return answer(ids.subList(0, from), views, new ViewsResponse.Stop(TelegramProblems.status(e).value(),
                        TelegramProblems.type(e), e.getMessage(), TelegramProblems.retryAfterSeconds(e)));
            }
        }
        return answer(ids, views, null);
    }

    private static ViewsResponse answer(List<Long> asked, Map<Long, Integer> views, ViewsResponse.Stop stopped) {
        List<Long> missing = asked.stream().filter(id -> !views.containsKey(id)).toList();
        views.keySet().retainAll(asked);
        return new ViewsResponse(views, missing, stopped);
    }

    CreatedRoom create(long account, String title, String about) {
        connected(account);
        long chatId = calls.call("createChannel", account, () -> gateway.createChannel(account, title, about));
        return new CreatedRoom(chatId, title);
    }

    BotAdminAdded addBotAdmin(AddBotAdminRequest request) {
        long account = connected(request.account());
        long botUserId = request.botUserId() != null ? request.botUserId()
                : calls.call("resolveUsername", account, () -> gateway.resolveUsername(account, request.botUsername()));
        calls.run("addAdmin", account, () -> gateway.addAdmin(account, request.chatId(), botUserId, request.rights()));
        return new BotAdminAdded(request.chatId(), botUserId, request.rights());
    }

    AdminsResponse admins(long account, long chatId) {
        connected(account);
        return new AdminsResponse(calls.call("getAdmins", account, () -> gateway.admins(account, chatId)));
    }

    MemberCount memberCount(long account, long chatId) {
        connected(account);
        return new MemberCount(chatId, calls.call("memberCount", account, () -> gateway.memberCount(account, chatId)));
    }

    MembersPage members(MembersRequest request) {
        long account = connected(request.account());
        return calls.call("getMembers", account, () -> gateway.members(account, request.chatId(), request.offset(), request.limit()));
    }

    JoinRequestsPage joinRequests(JoinRequestsRequest request) {
        long account = connected(request.account());
        return calls.call("joinRequests", account, () -> gateway.joinRequests(account, request.chatId(),
                request.inviteLink(), request.offset(), request.limit()));
    }

    JoinRequestDecision decide(JoinRequestDecision decision) {
        long account = connected(decision.account());
        calls.run("decideJoinRequest", account,
                () -> gateway.decideJoinRequest(account, decision.chatId(), decision.userId(), decision.approve()));
        return decision;
    }

    private long connected(long account) {
        if (!gateway.accounts().contains(account)) {
            throw TelegramException.unknownAccount(account);
        }
        TelegramGateway.AuthState state = gateway.authState(account);
        if (!state.authorized()) {
            throw TelegramException.notAuthorized(account, state.name());
        }
        return account;
    }
}
