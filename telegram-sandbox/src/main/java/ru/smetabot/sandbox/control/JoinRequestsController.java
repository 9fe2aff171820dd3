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
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/**
 * Join requests from the people's side: a user sees their pending requests, asks to join a public channel without
 * a link or withdraws a pending request; a human admin (can_invite_users) approves or declines one, as another
 * admin's Telegram app would — the bot then meets HIDE_REQUESTER_MISSING for that request.
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

    record Requester(long userId) {
    }

    record Decider(long actorId) {
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

    @PostMapping("/channels/{chatId}/join-requests")
    Map<String, Object> request(@PathVariable long chatId, @RequestBody Requester body) {
        memberships.requestToJoin(chatId, body.userId());
        return Json.obj("ok", true);
    }

    @DeleteMapping("/channels/{chatId}/join-requests/{userId}")
    Map<String, Object> withdraw(@PathVariable long chatId, @PathVariable long userId) {
        memberships.withdraw(chatId, userId);
        return Json.obj("ok", true);
    }

    @PostMapping("/channels/{chatId}/join-requests/{userId}/approve")
    Map<String, Object> approve(@PathVariable long chatId, @PathVariable long userId, @RequestBody Decider body) {
        memberships.approve(chatId, body.actorId(), userId);
        return Json.obj("ok", true);
    }

    @PostMapping("/channels/{chatId}/join-requests/{userId}/decline")
    Map<String, Object> decline(@PathVariable long chatId, @PathVariable long userId, @RequestBody Decider body) {
        memberships.decline(chatId, body.actorId(), userId);
        return Json.obj("ok", true);
    }
}
