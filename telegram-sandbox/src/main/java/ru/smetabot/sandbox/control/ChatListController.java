package ru.smetabot.sandbox.control;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxState;

/** A user's chat list, as the left pane of a Telegram client: every bot, and the channels they are in. */
@RestController
@RequestMapping("/sandbox/api")
class ChatListController {

    private final SandboxState state;

    ChatListController(SandboxState state) {
        this.state = state;
    }

    /** kind is "bot" or "channel"; role in a channel is owner, admin or member. */
    record ChatItem(long chatId, String kind, String title, String username, boolean started, String role,
                    String lastText) {
    }

    @GetMapping("/users/{userId}/chats")
    List<ChatItem> chats(@PathVariable long userId) {
        return state.locked(() -> {
            state.requireAccount(userId);
            List<ChatItem> items = new ArrayList<>();
            for (Account bot : state.accounts()) {
                if (bot.bot()) {
                    String last = state.dialog(bot.id(), userId).flatMap(d -> d.messages().values().stream()
                            .reduce((a, b) -> b)).map(ChatListController::preview).orElse(null);
                    items.add(new ChatItem(bot.id(), "bot", bot.firstName(), bot.username(),
                            state.dialog(bot.id(), userId).isPresent(), null, last));
                }
            }
            for (Channel c : state.channels()) {
                if (c.canRead(userId)) {
                    String role = c.ownerId() == userId ? "owner" : c.isAdmin(userId) ? "admin" : "member";
                    String last = c.posts().values().stream().reduce((a, b) -> b)
                            .map(ChatListController::preview).orElse(null);
                    items.add(new ChatItem(c.id(), "channel", c.title(), c.username(), true, role, last));
                }
            }
            return items;
        });
    }

    private static String preview(Message m) {
        if (m.document() != null) {
            return "📄 " + m.document().fileName();
        }
        if (m.photo() != null) {
            return "🖼 " + (m.text() == null ? "Photo" : m.text());
        }
        return m.text();
    }
}
