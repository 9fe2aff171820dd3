package ru.smetabot.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Telegram's size limits for what the bot sends (Bot API docs: sendMessage, sendDocument,
 * InlineKeyboardButton, answerCallbackQuery), and the two measures screens need: the length Telegram
 * counts (after HTML parsing) and fitting a list of lines with "…и ещё N".
 */
public final class TelegramLimits {

    /** Message text: 1–4096 characters after entity parsing. */
    public static final int MAX_TEXT = 4096;
    /** Media caption: 0–1024 characters after entity parsing. */
    public static final int MAX_CAPTION = 1024;
    /** callback_data: 1–64 bytes. */
    public static final int MAX_CALLBACK_DATA = 64;
    /** answerCallbackQuery text: 0–200 characters. */
    public static final int MAX_ANSWER = 200;
    /** Buttons in one inline keyboard. */
    public static final int MAX_BUTTONS = 100;
    /** Buttons in one row of an inline keyboard. */
    public static final int MAX_ROW = 8;
    /** A bot command (setMyCommands): 1–32 characters of a–z, 0–9 and _ (Bot API, "BotCommand"). */
    public static final java.util.regex.Pattern COMMAND = java.util.regex.Pattern.compile("[a-z0-9_]{1,32}");
    /** A command's description: 1–256 characters. */
    public static final int MAX_COMMAND_DESCRIPTION = 256;
    /** Commands in one setMyCommands list. */
    public static final int MAX_COMMANDS = 100;

    private TelegramLimits() {
    }

    /**
     * The length Telegram counts for an HTML text: tags removed, entities (&amp;lt; &amp;gt; &amp;amp;
     * &amp;quot; and numeric) one character each, in UTF-16 units as Telegram counts. Hand-written rather
     * than a full HTML parser: it only measures text this bot produced (escaped through
     * {@code i18n/Html}), where a tag is always {@code <…>} and an entity always {@code &…;}.
     */
    public static int visibleLength(String html) {
        int length = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end > 0 && end - i <= 10) {
                    i = end;
                }
            }
            length++;
        }
        return length;
    }

    /** True when every tag opened in {@code html} is closed in order (so it can be cut here and still parse). */
    static boolean balanced(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = html.indexOf('<');
        while (i >= 0) {
            int end = html.indexOf('>', i);
            if (end < 0) {
                return false;
            }
            String tag = html.substring(i + 1, end).trim();
            String name = tag.replaceFirst("^/", "").split("[\\s>]", 2)[0].toLowerCase(java.util.Locale.ROOT);
            if (tag.startsWith("/")) {
                if (open.isEmpty() || !open.pop().equals(name)) {
                    return false;
                }
            } else {
                open.push(name);
            }
            i = html.indexOf('<', end);
        }
        return open.isEmpty();
    }

    /**
     * Joins {@code lines} with newlines within {@code max} characters: what does not fit is cut at a
     * line and counted in a last line {@code more.apply(omitted)} (omitted = non-empty lines left out).
     * Measured on the raw HTML, which is never shorter than what Telegram counts: the safe side.
     */
    public static String fitLines(List<String> lines, int max, LongFunction<String> more) {
        String all = String.join("\n", lines);
        if (all.length() <= max) {
            return all;
        }
        int reserve = more.apply(lines.size()).length() + 1;
        StringBuilder text = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            int added = (kept == 0 ? 0 : 1) + line.length();
            if (text.length() + added + reserve > max) {
                break;
            }
            text.append(kept == 0 ? "" : "\n").append(line);
            kept++;
        }
        long omitted = lines.subList(kept, lines.size()).stream().filter(l -> !l.isEmpty()).count();
        return text.append(kept == 0 ? "" : "\n").append(more.apply(omitted)).toString();
    }

    /** {@code text} cut to at most {@code max} UTF-16 units with "…", never splitting a surrogate pair. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
