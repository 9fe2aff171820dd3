package ru.smetabot.sandbox.mtproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.channels.ChannelService;
import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.channels.ViewCounts;
import ru.smetabot.sandbox.faults.Faults;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/** What a signed-in user account can do with channels; every call names its operation for faults. */
@RestController
@RequestMapping("/sandbox/mtproto")
class MtprotoController {

    private static final String AUTH = "Authorization";

    private final MtprotoSessions sessions;
    private final Faults faults;
    private final SandboxState state;
    private final ChannelService channels;
    private final MembershipService memberships;
    private final ParticipantsReader participants;

    MtprotoController(MtprotoSessions sessions, Faults faults, SandboxState state, ChannelService channels,
                      MembershipService memberships, ParticipantsReader participants) {
        this.sessions = sessions;
        this.faults = faults;
        this.state = state;
        this.channels = channels;
        this.memberships = memberships;
        this.participants = participants;
    }

    record NewChannel(String title, String about) {
    }

    record NewAdmin(long userId, Map<String, Boolean> rights) {
    }

    record ViewsRequest(List<Integer> messageIds) {
    }

    @GetMapping("/me")
    Map<String, Object> me(@RequestHeader(name = AUTH, required = false) String auth) {
        long me = caller(auth, "getMe");
        return MtprotoViews.user(state.locked(() -> state.requireAccount(me)));
    }

    @PostMapping("/channels")
    Map<String, Object> create(@RequestHeader(name = AUTH, required = false) String auth,
                               @RequestBody NewChannel request) {
        Channel channel = channels.create(caller(auth, "createChannel"), request.title());
        return channelInfo(channel.id());
    }

    /** Channels the caller owns or administers (like the "admined" filter of channels.getAdminedPublicChannels). */
    @GetMapping("/channels")
    Map<String, Object> channels(@RequestHeader(name = AUTH, required = false) String auth) {
        long me = caller(auth, "getChannels");
        List<Long> ids = state.locked(() -> state.channels().stream().filter(c -> c.isAdmin(me)).map(Channel::id)
                .toList());
        return Json.obj("channels", ids.stream().map(this::channelInfo).toList());
    }

    @GetMapping("/channels/{chatId}")
    Map<String, Object> channel(@RequestHeader(name = AUTH, required = false) String auth, @PathVariable long chatId) {
        long me = caller(auth, "getChannel", chatId);
        participants.requireReader(chatId, me);
        return channelInfo(chatId);
    }

    @PostMapping("/channels/{chatId}/admins")
    Map<String, Object> addAdmin(@RequestHeader(name = AUTH, required = false) String auth,
                                 @PathVariable long chatId, @RequestBody NewAdmin request) {
        long me = caller(auth, "addAdmin", chatId);
        channels.promote(chatId, me, request.userId(), AdminRights.fromMap(request.rights()));
        return Json.obj("ok", true);
    }

    @GetMapping("/channels/{chatId}/admins")
    Map<String, Object> admins(@RequestHeader(name = AUTH, required = false) String auth, @PathVariable long chatId) {
        return Json.obj("admins", participants.admins(chatId, caller(auth, "getAdmins", chatId)));
    }

    /** messages.getMessagesViews with increment=false: reads counters, never counts a view. */
    @PostMapping("/channels/{chatId}/views")
    Map<String, Object> views(@RequestHeader(name = AUTH, required = false) String auth, @PathVariable long chatId,
                              @RequestBody ViewsRequest request) {
        long me = caller(auth, "getViews", chatId);
        List<Integer> ids = request.messageIds() == null ? List.of() : request.messageIds();
        if (ids.isEmpty() || ids.size() > 100) {
            throw new MtprotoException(400, "MESSAGE_IDS_TOO_MUCH");
        }
        participants.requireReader(chatId, me);
        ViewCounts counts = channels.peekViews(chatId, ids);
        Map<String, Object> views = new java.util.LinkedHashMap<>();
        counts.views().forEach((id, n) -> views.put(id.toString(), n));
        return Json.obj("views", views, "missing", new ArrayList<>(counts.missing()));
    }

    @GetMapping("/channels/{chatId}/join-requests")
    Map<String, Object> joinRequests(@RequestHeader(name = AUTH, required = false) String auth,
                                     @PathVariable long chatId,
                                     @RequestParam(name = "offset_user_id", defaultValue = "0") long offsetUserId,
                                     @RequestParam(name = "limit", defaultValue = "100") int limit,
                                     @RequestParam(name = "invite_link", required = false) String inviteLink) {
        long me = caller(auth, "getJoinRequests", chatId);
        return participants.joinRequests(chatId, me, inviteLink, offsetUserId, Math.max(1, Math.min(limit, 100)));
    }

    @PostMapping("/channels/{chatId}/join-requests/{userId}/approve")
    Map<String, Object> approve(@RequestHeader(name = AUTH, required = false) String auth,
                                @PathVariable long chatId, @PathVariable long userId) {
        memberships.approve(chatId, caller(auth, "approveJoinRequest", chatId), userId);
        return Json.obj("ok", true);
    }

    @PostMapping("/channels/{chatId}/join-requests/{userId}/decline")
    Map<String, Object> decline(@RequestHeader(name = AUTH, required = false) String auth,
                                @PathVariable long chatId, @PathVariable long userId) {
        memberships.decline(chatId, caller(auth, "declineJoinRequest", chatId), userId);
        return Json.obj("ok", true);
    }

    @GetMapping("/channels/{chatId}/participants")
    Map<String, Object> participants(@RequestHeader(name = AUTH, required = false) String auth,
                                     @PathVariable long chatId,
                                     @RequestParam(name = "offset", defaultValue = "0") int offset,
                                     @RequestParam(name = "limit", defaultValue = "200") int limit) {
        long me = caller(auth, "getParticipants", chatId);
        return participants.participants(chatId, me, Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }

    private long caller(String auth, String operation) {
        return caller(auth, operation, null);
    }

    /** Faults first (a chat-scoped fault matches only calls about its chat), then the session. */
    private long caller(String auth, String operation, Long chatId) {
        faults.apply(Faults.MTPROTO, operation, chatId);
        return sessions.userOf(auth);
    }

    private Map<String, Object> channelInfo(long chatId) {
        return state.locked(() -> {
            Channel c = state.requireChannel(chatId);
            return Json.obj("chat_id", c.id(), "title", c.title(), "username", c.username(), "owner_id", c.ownerId(),
                    "member_count", c.memberCount(), "date", c.date());
        });
    }
}
