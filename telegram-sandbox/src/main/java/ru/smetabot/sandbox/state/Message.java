package ru.smetabot.sandbox.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A message in a dialog or a post in a channel; mutable under the world lock (edits, views). */
public final class Message {

    private final int id;
    private final long chatId;
    private final long senderId;
    private final long date;
    private final StoredFile document;
    private final Photo photo;
    private final boolean protectedContent;
    private String text;
    /** MessageEntity objects of {@code text} (the caption for media), as the Bot API returns them. */
    private List<Map<String, Object>> entities = List.of();
    private Map<String, Object> replyMarkup;
    private int editCount;
    private long editDate;
    private long editedAtMs;
    private int views;
    private final Map<Long, Instant> lastViews = new HashMap<>();

    public Message(int id, long chatId, long senderId, long date, String text, StoredFile document,
                   Map<String, Object> replyMarkup) {
        this(id, chatId, senderId, date, text, document, replyMarkup, false);
    }

    /** {@code protectedContent}: sent with protect_content (no forwarding or saving). */
    public Message(int id, long chatId, long senderId, long date, String text, StoredFile document,
                   Map<String, Object> replyMarkup, boolean protectedContent) {
        this(id, chatId, senderId, date, text, document, null, replyMarkup, protectedContent);
    }

    /** A message with a {@code document} or a {@code photo} (at most one of them); {@code text} is then the caption. */
    public Message(int id, long chatId, long senderId, long date, String text, StoredFile document, Photo photo,
                   Map<String, Object> replyMarkup, boolean protectedContent) {
        this.id = id;
        this.photo = photo;
        this.protectedContent = protectedContent;
        this.chatId = chatId;
        this.senderId = senderId;
        this.date = date;
        this.text = text;
        this.document = document;
        this.replyMarkup = replyMarkup;
    }

    /** Applies an edit; false when nothing would change (Telegram's "message is not modified"). */
    public boolean edit(String newText, Map<String, Object> newMarkup, long when) {
        return edit(newText, entities, newMarkup, when);
    }

    /** An edit of text (or caption), its entities and the markup; false when all three stay the same. */
    public boolean edit(String newText, List<Map<String, Object>> newEntities, Map<String, Object> newMarkup,
                        long when) {
        List<Map<String, Object>> normalized = newEntities == null ? List.of() : List.copyOf(newEntities);
        if (Objects.equals(text, newText) && entities.equals(normalized) && Objects.equals(replyMarkup, newMarkup)) {
            return false;
        }
        text = newText;
        entities = normalized;
        replyMarkup = newMarkup;
        editCount++;
        editDate = when;
        editedAtMs = System.currentTimeMillis();
        return true;
    }

    /** Counts a view by {@code viewerId} unless they already viewed it within {@code cooldown}. */
    public boolean view(long viewerId, Instant now, Duration cooldown) {
        Instant last = lastViews.get(viewerId);
        if (last != null && now.isBefore(last.plus(cooldown))) {
            return false;
        }
        lastViews.put(viewerId, now);
        views++;
        return true;
    }

    public int id() { return id; }
    public long chatId() { return chatId; }
    public long senderId() { return senderId; }
    public long date() { return date; }
    public String text() { return text; }
    public List<Map<String, Object>> entities() { return entities; }
    public void entities(List<Map<String, Object>> value) { entities = value == null ? List.of() : List.copyOf(value); }
    public StoredFile document() { return document; }
    public Photo photo() { return photo; }
    public Map<String, Object> replyMarkup() { return replyMarkup; }
    public int editCount() { return editCount; }
    public long editDate() { return editDate; }
    /** Wall-clock milliseconds of the last edit (0: never edited). */
    public long editedAtMs() { return editedAtMs; }
    public int views() { return views; }
    public boolean protectedContent() { return protectedContent; }
}
