package ru.smetabot.sandbox.botapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.state.SandboxException;

/**
 * Text as Telegram stores it after parse_mode: plain text plus MessageEntity objects
 * ({@code type}, {@code offset}/{@code length} in UTF-16 code units, {@code url}, {@code language},
 * {@code custom_emoji_id}), in the order the Bot API returns them (by offset, outer entity first).
 */
record FormattedText(String text, List<Map<String, Object>> entities) {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    static FormattedText plain(String text) {
        return new FormattedText(text, List.of());
    }

    /** One MessageEntity; {@code extraKey}/{@code extraValue} is e.g. url, language or custom_emoji_id. */
    static Map<String, Object> entity(String type, int offset, int length, String extraKey, String extraValue) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("offset", offset);
        entity.put("length", length);
        entity.put("type", type);
        if (extraKey != null && extraValue != null) {
            entity.put(extraKey, extraValue);
        }
        return entity;
    }

    /**
     * Telegram drops leading and trailing whitespace of a message (entities are clipped to what remains)
     * and leaves out empty entities.
     */
    FormattedText trimmed() {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> e : entities) {
            int from = Math.max((int) e.get("offset"), start);
            int to = Math.min((int) e.get("offset") + (int) e.get("length"), end);
            if (to > from) {
                Map<String, Object> copy = new LinkedHashMap<>(e);
                copy.put("offset", from - start);
                copy.put("length", to - from);
                kept.add(copy);
            }
        }
        kept.sort(Comparator.<Map<String, Object>>comparingInt(e -> (int) e.get("offset"))
                .thenComparing(Comparator.<Map<String, Object>>comparingInt(e -> (int) e.get("length")).reversed()));
        return new FormattedText(text.substring(start, end), List.copyOf(kept));
    }

    /** sendMessage/editMessageText: 1–4096 characters after entity parsing. */
    FormattedText requireMessageText() {
        if (text.isEmpty()) {
            throw SandboxException.badRequest("message text is empty", "MESSAGE_EMPTY");
        }
        if (text.length() > MAX_TEXT) {
            throw SandboxException.badRequest("message is too long", "MESSAGE_TOO_LONG");
        }
        return this;
    }

    /** Captions: 0–1024 characters after entity parsing. */
    FormattedText requireCaption() {
        if (text.length() > MAX_CAPTION) {
            throw SandboxException.badRequest("message caption is too long", "MEDIA_CAPTION_TOO_LONG");
        }
        return this;
    }
}
