package ru.smetabot.bot.telegram;

import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Builds each getUpdates call. TelegramBots' default sends an empty allowed_updates, which
 * Telegram reads as "everything except chat_member"; we list every type we handle instead. The call
 * parses its answer defensively ({@link TolerantGetUpdates}).
 */
record GetUpdatesRequest(int timeoutSeconds, TolerantGetUpdates.Listener listener) implements Function<Integer, GetUpdates> {

    static final int LIMIT = 100;

    GetUpdatesRequest(int timeoutSeconds) {
        this(timeoutSeconds, new TolerantGetUpdates.Listener() {
            @Override
            public void unparsed(Long updateId, String rawJson, String error) {
            }

            @Override
            public void sequenceRestarted(int lowestId) {
            }
        });
    }

    @Override
    public GetUpdates apply(Integer lastReceivedUpdate) {
        return new TolerantGetUpdates(lastReceivedUpdate + 1, LIMIT, timeoutSeconds, UpdateKind.allowedUpdates(), listener);
    }
}
