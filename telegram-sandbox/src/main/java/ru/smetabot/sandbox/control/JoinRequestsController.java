package ru.smetabot.sandbox.control;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.updates.Json;

/**
 * Join requests from the people's side: a user asks to join a public channel without a link or withdraws a
 * pending request; a human admin (can_invite_users) approves or declines one, as another admin's Telegram
 * app would — the bot then meets HIDE_REQUESTER_MISSING for that request.
 */
@RestController
@RequestMapping("/sandbox/api/channels/{chatId}/join-requests")
class JoinRequestsController {

    private final MembershipService memberships;

    JoinRequestsController(MembershipService memberships) {
        this.memberships = memberships;
    }

    record Requester(long userId) {
    }

    record Decider(long actorId) {
    }

    @PostMapping
    Map<String, Object> request(@PathVariable long chatId, @RequestBody Requester body) {
        memberships.requestToJoin(chatId, body.userId());
        return Json.obj("ok", true);
    }

    @DeleteMapping("/{userId}")
    Map<String, Object> withdraw(@PathVariable long chatId, @PathVariable long userId) {
        memberships.withdraw(chatId, userId);
        return Json.obj("ok", true);
    }

    @PostMapping("/{userId}/approve")
    Map<String, Object> approve(@PathVariable long chatId, @PathVariable long userId, @RequestBody Decider body) {
        memberships.approve(chatId, body.actorId(), userId);
        return Json.obj("ok", true);
    }

    @PostMapping("/{userId}/decline")
    Map<String, Object> decline(@PathVariable long chatId, @PathVariable long userId, @RequestBody Decider body) {
        memberships.decline(chatId, body.actorId(), userId);
        return Json.obj("ok", true);
    }
}
