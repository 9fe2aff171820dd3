package ru.smetabot.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Who an update is about: the user who acted, or the chat when there is no user. A join request and a chat_member
 * update go by (chat, person): one person's request and membership changes in a room keep their order, while a
 * storm of requests on one room spreads over every lane (the decisions lock the link and the client rows, so
 * people in one room need no order between them).
 */
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
            key = person(update.getChatJoinRequest().getChat().getId(), update.getChatJoinRequest().getUser());
        } else if (update.hasChatMember() && update.getChatMember().getChat() != null) {
            var member = update.getChatMember().getNewChatMember();
            key = person(update.getChatMember().getChat().getId(), member == null ? null : member.getUser());
        }
        if (key == null) {
            key = update.getUpdateId() == null ? 0L : update.getUpdateId().longValue();
        }
        return key;
    }

    private static long person(long chatId, org.telegram.telegrambots.meta.api.objects.User user) {
        return user == null || user.getId() == null ? chatId : chatId * 31 + user.getId();
    }
}
