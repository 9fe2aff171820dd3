package ru.smetabot.bot.telegram;

import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Builds each getUpdates call. TelegramBots' default sends an empty allowed_updates, which
 * Telegram reads as "everything except chat_member"; we list every type we handle instead.
 */
record GetUpdatesRequest(int timeoutSeconds) implements Function<Integer, GetUpdates> {

    static final int LIMIT = 100;

    @Override
    public GetUpdates apply(Integer lastReceivedUpdate) {
        return GetUpdates.builder()
                .offset(lastReceivedUpdate + 1)
                .limit(LIMIT)
                .timeout(timeoutSeconds)
                .allowedUpdates(UpdateKind.allowedUpdates())
                .build();
    }
}
