package ru.smetabot.sandbox.control;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/**
 * Join requests from the people's side: a user sees and withdraws their own pending requests; a human admin
 * (not only the bot) approves or declines them, as in a Telegram app's "Join requests" screen.
 */
@RestController
@RequestMapping("/sandbox/api")
class JoinRequestsController {

    private final SandboxState state;
    private final MembershipService memberships;

    JoinRequestsController(SandboxState state, MembershipService memberships) {
        this.state = state;
        this.memberships = memberships;
    }

    record Actor(long actorId) {
    }

    /** The user's pending requests: {@code [{"chat_id","title","date","invite_link"}]}. */
    @GetMapping("/users/{userId}/join-requests")
    List<Map<String, Object>> pending(@PathVariable long userId) {
        return state.locked(() -> {
            state.requireAccount(userId);
            return state.channels().stream().filter(c -> c.joinRequests().containsKey(userId))
                    .map(c -> Json.obj("chat_id", c.id(), "title", c.title(),
                            "date", c.joinRequests().get(userId).date(),
                            "invite_link", c.joinRequests().get(userId).inviteLink()))
                    .toList();
        });
    }

    /**
     * The user withdraws their request (Telegram apps: "Cancel request"). The Bot API has no update for it;
     * a later approve or decline answers HIDE_REQUESTER_MISSING, as for any request no longer pending.
     */
    @DeleteMapping("/channels/{chatId}/join-requests/{userId}")
    Map<String, Object> withdraw(@PathVariable long chatId, @PathVariable long userId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(chatId);
            if (channel.joinRequests().remove(userId) == null) {
                throw SandboxException.badRequest("HIDE_REQUESTER_MISSING", "HIDE_REQUESTER_MISSING");
            }
        });
        return Json.obj("ok", true);
    }

    /** An admin with can_invite_users approves: the same path as the bot's approveChatJoinRequest. */
    @PostMapping("/channels/{chatId}/join-requests/{userId}/approve")
    Map<String, Object> approve(@PathVariable long chatId, @PathVariable long userId, @RequestBody Actor actor) {
        memberships.approve(chatId, actor.actorId(), userId);
        return Json.obj("ok", true);
    }

    @PostMapping("/channels/{chatId}/join-requests/{userId}/decline")
    Map<String, Object> decline(@PathVariable long chatId, @PathVariable long userId, @RequestBody Actor actor) {
        memberships.decline(chatId, actor.actorId(), userId);
        return Json.obj("ok", true);
    }
}
