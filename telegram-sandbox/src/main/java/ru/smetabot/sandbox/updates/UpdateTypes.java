package ru.smetabot.sandbox.updates;

import java.util.Collection;
import java.util.Set;

/** The update types the sandbox emits, and Telegram's default set for an empty allowed_updates. */
public final class UpdateTypes {

    public static final String MESSAGE = "message";
    public static final String CALLBACK_QUERY = "callback_query";
    public static final String CHANNEL_POST = "channel_post";
    public static final String CHAT_JOIN_REQUEST = "chat_join_request";
    public static final String CHAT_MEMBER = "chat_member";
    public static final String MY_CHAT_MEMBER = "my_chat_member";

    /** Telegram leaves out chat_member (and reactions) unless they are listed explicitly. */
    private static final Set<String> OPT_IN = Set.of(CHAT_MEMBER, "message_reaction", "message_reaction_count");

    private UpdateTypes() {
    }

    /** Whether an update of {@code type} passes the bot's allowed_updates ({@code null} or empty = default). */
    public static boolean allowed(String type, Collection<String> allowedUpdates) {
        if (allowedUpdates == null || allowedUpdates.isEmpty()) {
            return !OPT_IN.contains(type);
        }
        return allowedUpdates.contains(type);
    }
}
