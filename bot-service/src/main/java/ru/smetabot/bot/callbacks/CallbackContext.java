package ru.smetabot.bot.callbacks;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.rooms.Room;

/**
 * One pressed button: who pressed it, the message it is on, and (for room callbacks) the room,
 * already checked to be the presser's. The callback is answered exactly once: by the handler
 * through {@link #answer}, or with an empty answer by the router when the handler did not.
 */
public final class CallbackContext {

    private final BotGateway gateway;
    private final String queryId;
    private final long userId;
    private final Locale locale;
    private final long chatId;
    private final int messageId;
    private final Room room;
    private final AtomicBoolean answered = new AtomicBoolean();

    CallbackContext(BotGateway gateway, String queryId, long userId, Locale locale, long chatId, int messageId, Room room) {
        this.gateway = gateway;
        this.queryId = queryId;
        this.userId = userId;
        this.locale = locale;
        this.chatId = chatId;
        this.messageId = messageId;
        this.room = room;
    }

    /** Answers the callback (shows {@code text} as a toast, or an alert); later calls do nothing. */
    public void answer(String text, boolean alert) {
        if (answered.compareAndSet(false, true)) {
            gateway.answer(queryId, text, alert);
        }
    }

    public void answer(String text) {
        answer(text, false);
    }

    public long userId() {
        return userId;
    }

    public Locale locale() {
        return locale;
    }

    /** The private chat with the user, where the pressed message is. */
    public long chatId() {
        return chatId;
    }

    public int messageId() {
        return messageId;
    }

    /** The presser's room, for room callbacks; null otherwise. */
    public Room room() {
        return room;
    }
}
