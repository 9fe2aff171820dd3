package ru.smetabot.sandbox.control;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.channels.ChannelService;
import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.channels.MembershipService.JoinResult;
import ru.smetabot.sandbox.control.Views.MessageView;
import ru.smetabot.sandbox.dialogs.DialogService;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;
import ru.smetabot.sandbox.updates.Json;

/** Channels as their users see them: create, appoint admins, post, read (counts views), join, leave. */
@RestController
@RequestMapping("/sandbox/api")
class ChannelsController {

    private final SandboxState state;
    private final ChannelService channels;
    private final MembershipService memberships;

    private final DialogService dialogs;

    ChannelsController(SandboxState state, ChannelService channels, MembershipService memberships,
                       DialogService dialogs) {
        this.dialogs = dialogs;
        this.state = state;
        this.channels = channels;
        this.memberships = memberships;
    }

    record NewChannel(long ownerId, String title, String username) {
    }

    /** {@code actorId} defaults to the owner; {@code rights} default to all rights. */
    record NewAdmin(long userId, Long actorId, Map<String, Boolean> rights) {
    }

    record UserAction(long userId) {
    }

    /** Text, or a document (file_name + content_base64, text becomes its caption). */
    record NewPost(long userId, String text, String fileName, String mimeType, String contentBase64) {
    }

    record OpenLink(long userId, String link) {
    }

    @PostMapping("/channels")
    ChannelView create(@RequestBody NewChannel request) {
        Channel channel = channels.create(request.ownerId(), request.title());
        if (request.username() != null) {
            state.locked(() -> channel.username(request.username()));
        }
        return get(channel.id());
    }

    @GetMapping("/channels")
    List<ChannelView> list() {
        return state.locked(() -> state.channels().stream().map(ChannelView::of).toList());
    }

    @GetMapping("/channels/{chatId}")
    ChannelView get(@PathVariable long chatId) {
        return state.locked(() -> ChannelView.of(state.requireChannel(chatId)));
    }

    @PostMapping("/channels/{chatId}/admins")
    ChannelView addAdmin(@PathVariable long chatId, @RequestBody NewAdmin request) {
        long actor = request.actorId() != null ? request.actorId()
                : state.locked(() -> state.requireChannel(chatId).ownerId());
        channels.promote(chatId, actor, request.userId(), AdminRights.fromMap(request.rights()));
        return get(chatId);
    }

    @DeleteMapping("/channels/{chatId}/admins/{userId}")
    ChannelView removeAdmin(@PathVariable long chatId, @PathVariable long userId) {
        long owner = state.locked(() -> state.requireChannel(chatId).ownerId());
        channels.demote(chatId, owner, userId);
        return get(chatId);
    }

    /** A user admin (usually the owner) posts; admin bots get channel_post. */
    @PostMapping("/channels/{chatId}/posts")
    MessageView post(@PathVariable long chatId, @RequestBody NewPost request) {
        return state.locked(() -> {
            StoredFile document = null;
            if (request.contentBase64() != null) {
                String name = request.fileName() == null ? "document" : request.fileName();
                String mime = request.mimeType() == null ? "application/octet-stream" : request.mimeType();
                document = state.storeFile(name, mime, Base64.getDecoder().decode(request.contentBase64()));
            } else if (request.text() == null || request.text().isBlank()) {
                throw SandboxException.badRequest("message text is empty", null);
            }
            return Views.message(channels.post(chatId, request.userId(), request.text(), document, null),
                    request.userId(), true);
        });
    }

    /** {@code count} text posts "text 1" … "text count" by one user admin (a control-API convenience for seeding). */
    record BulkPosts(long userId, int count, String text) {
    }

    /** The upper bound of one bulk call: 200 000 posts are 20 calls, each held under the state lock a few hundred ms. */
    static final int MAX_BULK_POSTS = 10_000;

    /**
     * Not Telegram behaviour: posts {@code count} text messages in one call and one lock, as that many
     * {@code POST /channels/{id}/posts} would (admin bots get a {@code channel_post} each); answers the new message ids.
     */
    @PostMapping("/channels/{chatId}/posts:bulk")
    Map<String, Object> postMany(@PathVariable long chatId, @RequestBody BulkPosts request) {
        if (request.count() < 1 || request.count() > MAX_BULK_POSTS) {
            throw SandboxException.badRequest("count must be 1.." + MAX_BULK_POSTS, null);
        }
        String text = request.text() == null || request.text().isBlank() ? "post" : request.text();
        int[] ids = state.locked(() -> {
            int[] made = new int[request.count()];
            for (int i = 0; i < made.length; i++) {
                made[i] = channels.post(chatId, request.userId(), text + " " + (i + 1), null, null).id();
            }
            return made;
        });
        return Json.obj("message_ids", ids);
    }

    record PostPress(long userId, String data) {
    }

    /** A member presses an inline button under a post; the posting bot gets callback_query (from = the member). */
    @PostMapping("/channels/{chatId}/posts/{messageId}/callback")
    Map<String, Object> pressPostButton(@PathVariable long chatId, @PathVariable int messageId,
                                        @RequestBody PostPress body) {
        return Json.obj("callback_id", dialogs.userPressesChannelPostButton(body.userId(), chatId, messageId,
                body.data()).id());
    }

    /** The posts as a member's client shows them; every call counts views (one per viewer per cooldown). */
    @GetMapping("/channels/{chatId}/posts")
    List<MessageView> read(@PathVariable long chatId, @RequestParam("viewer_id") long viewerId) {
        return state.locked(() -> channels.readPosts(chatId, viewerId).stream()
                .map(m -> Views.message(m, viewerId, true)).toList());
    }

    /**
     * The decided join requests, in order of decision, with wall-clock milliseconds of request and
     * decision and the calls that tried to decide one again: what a benchmark needs to time a storm.
     */
    @GetMapping("/channels/{chatId}/join-decisions")
    List<Map<String, Object>> joinDecisions(@PathVariable long chatId) {
        return state.locked(() -> state.requireChannel(chatId).joinDecisions().values().stream()
                .map(d -> Json.obj("user_id", d.userId(), "invite_link", d.inviteLink(),
                        "outcome", d.approved() ? "approved" : "declined", "actor_id", d.actorId(),
                        "requested_at_ms", d.requestedAtMs(), "decided_at_ms", d.decidedAtMs(),
                        "later_attempts", d.laterAttempts()))
                .toList());
    }

    @PostMapping("/channels/{chatId}/leave")
    Map<String, Object> leave(@PathVariable long chatId, @RequestBody UserAction request) {
        memberships.leave(chatId, request.userId());
        return Json.obj("ok", true);
    }

    /** Opening a t.me/+ link: "joined" directly, or "requested" when the link needs approval. */
    @PostMapping("/invite-links/open")
    Map<String, Object> open(@RequestBody OpenLink request) {
        JoinResult result = memberships.open(request.userId(), request.link());
        return Json.obj("chat_id", result.chatId(), "outcome", result.outcome().name().toLowerCase());
    }
}
