package ru.smetabot.sandbox.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.control.Views.MessageView;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/**
 * Views one post at a time, for the page's "👁 Open" button: the channel is listed without counting
 * ({@code count_views=false}) and each post counts when the person opens it. The count follows the same
 * rule as reading the whole channel: one view per viewer per post per {@code sandbox.view-cooldown}.
 */
@RestController
@RequestMapping("/sandbox/api")
class PostViewsController {

    private final SandboxState state;
    private final SandboxClock clock;
    private final Duration cooldown;

    PostViewsController(SandboxState state, SandboxClock clock,
                        SandboxProperties properties) {
        this.state = state;
        this.clock = clock;
        this.cooldown = properties.viewCooldown();
    }

    record Viewer(long viewerId) {
    }

    /** The posts as the member's client lists them, counting nothing. */
    @GetMapping(path = "/channels/{chatId}/posts", params = "count_views=false")
    List<MessageView> list(@PathVariable long chatId, @RequestParam("viewer_id") long viewerId) {
        return state.locked(() -> readable(chatId, viewerId).posts().values().stream()
                .map(m -> Views.message(m, viewerId, true)).toList());
    }

    /** {@code {"counted":true|false,"message":{…}}}: false when this viewer's view is still in its cooldown. */
    @PostMapping("/channels/{chatId}/posts/{messageId}/view")
    Map<String, Object> view(@PathVariable long chatId, @PathVariable int messageId, @RequestBody Viewer viewer) {
        return state.locked(() -> {
            Message post = readable(chatId, viewer.viewerId()).posts().get(messageId);
            if (post == null) {
                throw SandboxException.badRequest("MESSAGE_ID_INVALID", "MESSAGE_ID_INVALID");
            }
            boolean counted = post.view(viewer.viewerId(), clock.now(), cooldown);
            return Json.obj("counted", counted, "message", Views.message(post, viewer.viewerId(), true));
        });
    }

    private Channel readable(long chatId, long viewerId) {
        Channel channel = state.requireChannel(chatId);
        state.requireAccount(viewerId);
        if (!channel.canRead(viewerId)) {
            throw SandboxException.forbidden("the user is not a member of the channel", "CHANNEL_PRIVATE");
        }
        return channel;
    }
}
