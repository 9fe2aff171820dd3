package ru.smetabot.sandbox.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A private chat between a bot and a user; its Bot API chat id is the user's id. */
public final class Dialog {

    private final long botId;
    private final long userId;
    private int lastMessageId;
    private Map<String, Object> replyKeyboard;
    private final Map<Integer, Message> messages = new LinkedHashMap<>();

    public Dialog(long botId, long userId) {
        this.botId = botId;
        this.userId = userId;
    }

    public Message add(long senderId, long date, String text, StoredFile document, Map<String, Object> markup) {
        return add(senderId, date, text, document, markup, false);
    }

    public Message add(long senderId, long date, String text, StoredFile document, Map<String, Object> markup,
                       boolean protectedContent) {
        return add(senderId, date, text, document, null, markup, protectedContent);
    }

    public Message add(long senderId, long date, String text, StoredFile document, Photo photo,
                       Map<String, Object> markup, boolean protectedContent) {
        int id = ++lastMessageId;
        Message message = new Message(id, userId, senderId, date, text, document, photo, markup, protectedContent);
        messages.put(id, message);
        return message;
    }

    public long botId() { return botId; }
    public long userId() { return userId; }
    public Map<Integer, Message> messages() { return messages; }
    /** The reply keyboard the user currently sees (null when none or removed). */
    public Map<String, Object> replyKeyboard() { return replyKeyboard; }
    public void replyKeyboard(Map<String, Object> keyboard) { this.replyKeyboard = keyboard; }
}
