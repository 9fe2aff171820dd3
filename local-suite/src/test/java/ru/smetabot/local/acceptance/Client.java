package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * A contractor's client: a Telegram user who joins the room by an invite link and reads the posts
 * (which counts a view, as in a Telegram app).
 */
record Client(Suite suite, long id, long chatId) {

    /**
     * Joins through a fresh link without join request. The bot offers no "🔗 Ссылки" yet (issue 7), so the
     * link is made with the bot's token exactly as the bot would, since the owner handing out a link is set-up here.
     */
    static Client joinByLink(Suite suite, long chatId) {
        long id = Suite.newUserId();
        suite.sandbox().createUser(id, "Клиент" + id, "client" + id);
        ServiceHttp.Reply link = suite.botApi("createChatInviteLink", Map.of("chat_id", chatId));
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        String url = (String) ((Map<String, Object>) link.json().get("result")).get("invite_link");
        assertThat(suite.sandbox().openInviteLink(id, url).outcome()).isEqualTo("joined");
        return new Client(suite, id, chatId);
    }

    /** Opens the channel and scrolls through its posts: one view per post. */
    void readPosts() {
        assertThat(suite.sandbox().readChannel(chatId, id)).extracting(Message::messageId).isNotEmpty();
    }
}
