package ru.smetabot.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Who an update is about: the user who acted, or the chat when there is no user. */
final class UpdateKeys {

    private UpdateKeys() {
    }

    /** Never throws: a malformed update (no sender, no chat) goes by its update_id. */
    static long laneKey(Update update) {
        Long key = null;
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            key = update.getMessage().getFrom().getId();
        } else if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() != null) {
            key = update.getCallbackQuery().getFrom().getId();
        } else if (update.hasMyChatMember() && update.getMyChatMember().getFrom() != null) {
            key = update.getMyChatMember().getFrom().getId();
        } else if (update.hasChannelPost() && update.getChannelPost().getChat() != null) {
            key = update.getChannelPost().getChat().getId();
        } else if (update.hasChatJoinRequest() && update.getChatJoinRequest().getChat() != null) {
            key = update.getChatJoinRequest().getChat().getId();
        } else if (update.hasChatMember() && update.getChatMember().getChat() != null) {
            key = update.getChatMember().getChat().getId();
        }
        if (key == null) {
            key = update.getUpdateId() == null ? 0L : update.getUpdateId().longValue();
        }
        return key;
    }
}
