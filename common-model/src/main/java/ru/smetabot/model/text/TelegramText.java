package ru.smetabot.model.text;

/**
 * The one sanitiser for strings Telegram supplies. PostgreSQL rejects NUL in text, so one NUL in a name
 * made every insert of that person fail; other control characters and unpaired surrogates are dropped for
 * the same reason (they cannot be stored or shown). Tab, line feed and carriage return stay: message texts
 * and captions use them. Hand-written because it is a few lines over code points; no library has exactly
 * PostgreSQL's rule.
 */
public final class TelegramText {

    private TelegramText() {
    }

    /** The text without NUL, other C0/C1 control characters and unpaired surrogates; null stays null. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!dropped(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when {@link #clean} would return the text unchanged. */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (dropped(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dropped(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c);
    }
}
