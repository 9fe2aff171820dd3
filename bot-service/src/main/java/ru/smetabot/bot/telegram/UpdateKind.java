package ru.smetabot.bot.telegram;

import java.util.Arrays;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The update types the bot asks for in allowed_updates; each has a metric tag and maybe a handler. */
public enum UpdateKind {
    MESSAGE("message"),
    EDITED_MESSAGE("edited_message"),
    CHANNEL_POST("channel_post"),
    CALLBACK_QUERY("callback_query"),
    CHAT_JOIN_REQUEST("chat_join_request"),
    CHAT_MEMBER("chat_member"),
    MY_CHAT_MEMBER("my_chat_member"),
    OTHER("other");

    private final String apiName;

    UpdateKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The allowed_updates list: everything but OTHER (an empty list would drop chat_member). */
    public static List<String> allowedUpdates() {
        return Arrays.stream(values()).filter(k -> k != OTHER).map(UpdateKind::apiName).toList();
    }

    public static UpdateKind of(Update update) {
        if (update.hasMessage()) {
            return MESSAGE;
        }
        if (update.hasEditedMessage()) {
            return EDITED_MESSAGE;
        }
        if (update.hasChannelPost()) {
            return CHANNEL_POST;
        }
        if (update.hasCallbackQuery()) {
            return CALLBACK_QUERY;
        }
        if (update.hasChatJoinRequest()) {
            return CHAT_JOIN_REQUEST;
        }
        if (update.hasChatMember()) {
            return CHAT_MEMBER;
        }
        if (update.hasMyChatMember()) {
            return MY_CHAT_MEMBER;
        }
        return OTHER;
    }
}
