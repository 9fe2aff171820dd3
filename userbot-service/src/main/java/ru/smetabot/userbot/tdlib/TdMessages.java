package ru.smetabot.userbot.tdlib;

import java.util.LinkedHashMap;
import java.util.Map;
import ru.smetabot.userbotapi.ChatAdmin;
import tools.jackson.databind.JsonNode;

/** Reading TDLib's JSON objects (messages, users, member statuses) into the API's terms. */
final class TdMessages {

    private static final int MESSAGE_ID_SHIFT = 20;

    private TdMessages() {
    }

    static long toTdMessageId(long botApiMessageId) {
        return botApiMessageId << MESSAGE_ID_SHIFT;
    }

    static long toBotApiMessageId(long tdMessageId) {
        return tdMessageId >> MESSAGE_ID_SHIFT;
    }

    /** {@code messages{messages:[message|null]}} → view count by Bot API message id; null entries (deleted) are left out. */
    static Map<Long, Integer> viewCounts(JsonNode messages) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (JsonNode message : messages.path("messages")) {
            if (message == null || message.isNull() || !"message".equals(message.path("@type").asString())) {
                continue;
            }
            int views = message.path("interaction_info").path("view_count").asInt(0);
            counts.put(toBotApiMessageId(message.path("id").asLong()), views);
        }
        return counts;
    }

    /**
     * A {@code chatMember} of the administrators list. Since TDLib 1.8.67 the custom title is the member's
     * {@code tag} (chatMember member_id tag inviter_user_id joined_chat_date status); the statuses have no title.
     */
    static ChatAdmin admin(JsonNode user, JsonNode member) {
        JsonNode status = member.path("status");
        JsonNode usernames = user.path("usernames").path("active_usernames");
        String username = usernames.isArray() && !usernames.isEmpty() ? usernames.get(0).asString() : null;
        boolean bot = "userTypeBot".equals(user.path("type").path("@type").asString());
        boolean owner = "chatMemberStatusCreator".equals(status.path("@type").asString());
        String title = member.path("tag").asString("");
        return new ChatAdmin(user.path("id").asLong(), user.path("first_name").asString(""),
                emptyToNull(user.path("last_name").asString("")), username, bot, owner, emptyToNull(title));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
