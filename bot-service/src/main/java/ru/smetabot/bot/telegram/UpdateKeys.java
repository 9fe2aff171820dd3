package ru.smetabot.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Who an update is about: the user who acted, or the chat when there is no user. */
final class UpdateKeys {

    private UpdateKeys() {
    }

    static long laneKey(Update update) {
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            return update.getMessage().getFrom().getId();
        }
        if (update.hasCallbackQuery()) {
            return update.getCallbackQuery().getFrom().getId();
        }
        if (update.hasMyChatMember()) {
            return update.getMyChatMember().getFrom().getId();
        }
        if (update.hasChannelPost()) {
            return update.getChannelPost().getChatId();
        }
        if (update.hasChatJoinRequest()) {
            return update.getChatJoinRequest().getChat().getId();
        }
        if (update.hasChatMember()) {
            return update.getChatMember().getChat().getId();
        }
        return update.getUpdateId();
    }
}
