package ru.smetabot.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Handles one kind of update; the dispatcher finds the handler by {@link #kind()}. */
public interface UpdateHandler {

    UpdateKind kind();

    void handle(Update update);
}
