package ru.smetabot.sandbox.botapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * parse_mode=MarkdownV2 ("Formatting options → MarkdownV2 style" of the Bot API docs): *bold* _italic_
 * __underline__ ~strikethrough~ ||spoiler|| `code` ```pre``` (language on the first line) [text](url) and
 * '&gt;' quotes at line starts. Every other reserved character {@code _*[]()~`>#+-=|{}.!} must be escaped
 * with '\', else 400 "can't parse entities: Character 'X' is reserved and must be escaped with the
 * preceding '\'"; an entity left open is "Can't find end of Bold entity at byte offset N".
 *
 * <p>Hand-written for the same reason as {@link HtmlParser}: no Markdown library implements Telegram's
 * dialect (its escaping rule and its refusals are Telegram's own).
 */
final class MarkdownV2Parser {

    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    private record Open(String marker, String type, int start, int byteOffset) {
    }

    private final String input;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<Map<String, Object>> entities = new ArrayList<>();
    private int quoteStart = -1;
    private int pos;

    private MarkdownV2Parser(String input) {
        this.input = input;
    }

    static FormattedText parse(String markdown) {
        return new MarkdownV2Parser(markdown).run();
    }

    private FormattedText run() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            boolean lineStart = pos == 0 || input.charAt(pos - 1) == '\n';
            if (c == '\\' && pos + 1 < input.length() && input.charAt(pos + 1) > 0 && input.charAt(pos + 1) < 127) {
                out.append(input.charAt(pos + 1));
                pos += 2;
            } else if (c == '>' && lineStart) {
                if (quoteStart < 0) {
                    quoteStart = out.length();
                }
                pos++;
            } else if (c == '\n' && quoteStart >= 0 && !input.startsWith(">", pos + 1)) {
                entities.add(FormattedText.entity("blockquote", quoteStart, out.length() - quoteStart, null, null));
                quoteStart = -1;
                out.append(c);
                pos++;
            } else if (input.startsWith("```", pos)) {
                code(true);
            } else if (c == '`') {
                code(false);
            } else if (c == '[') {
                open.push(new Open("[", "TextUrl", out.length(), bytes(pos)));
                pos++;
            } else if (c == ']') {
                link();
            } else if (input.startsWith("||", pos)) {
                toggle("||", "spoiler");
            } else if (input.startsWith("__", pos)) {
                toggle("__", "underline");
            } else if (c == '_' || c == '*' || c == '~') {
                toggle(String.valueOf(c), c == '_' ? "italic" : c == '*' ? "bold" : "strikethrough");
            } else if (RESERVED.indexOf(c) >= 0) {
                throw reserved(c);
            } else {
                out.append(c);
                pos++;
            }
        }
        if (quoteStart >= 0) {
            entities.add(FormattedText.entity("blockquote", quoteStart, out.length() - quoteStart, null, null));
        }
        if (!open.isEmpty()) {
            throw unclosed(open.peek());
        }
        return new FormattedText(out.toString(), entities).trimmed();
    }

    private void toggle(String marker, String type) {
        Open top = open.peek();
        if (top != null && top.marker().equals(marker)) {
            open.pop();
            add(type, top.start(), null);
        } else if (open.stream().anyMatch(o -> o.marker().equals(marker))) {
            throw unclosed(top);
        } else {
            open.push(new Open(marker, capitalized(type), out.length(), bytes(pos)));
        }
        pos += marker.length();
    }

    /** `code` or ```pre```: inside, only '`' and '\' need (and allow) escaping. */
    private void code(boolean pre) {
        String fence = pre ? "```" : "`";
        int begin = pos;
        pos += fence.length();
        String language = null;
        if (pre) {
            int newline = input.indexOf('\n', pos);
            int close = input.indexOf(fence, pos);
            if (newline >= 0 && (close < 0 || newline < close) && newline > pos) {
                language = input.substring(pos, newline);
                pos = newline + 1;
            }
        }
        int start = out.length();
        while (pos < input.length() && !input.startsWith(fence, pos)) {
            char c = input.charAt(pos);
            if (c == '\\' && pos + 1 < input.length()) {
                out.append(input.charAt(pos + 1));
                pos += 2;
            } else {
                out.append(c);
                pos++;
            }
        }
        if (pos >= input.length()) {
            throw HtmlParser.error("Can't find end of " + (pre ? "Pre" : "Code") + " entity at byte offset "
                    + bytes(begin));
        }
        pos += fence.length();
        add(pre ? "pre" : "code", start, language == null ? null : language);
    }

    /** ']' closes a '[' only when "(url)" follows. */
    private void link() {
        Open top = open.peek();
        if (top == null || !top.marker().equals("[") || !input.startsWith("(", pos + 1)) {
            throw reserved(']');
        }
        int close = pos + 2;
        StringBuilder url = new StringBuilder();
        while (close < input.length() && input.charAt(close) != ')') {
            if (input.charAt(close) == '\\' && close + 1 < input.length()) {
                close++;
            }
            url.append(input.charAt(close++));
        }
        if (close >= input.length()) {
            throw HtmlParser.error("Can't find end of a URL at byte offset " + bytes(pos + 1));
        }
        open.pop();
        if (out.length() > top.start()) {
            entities.add(FormattedText.entity("text_link", top.start(), out.length() - top.start(), "url",
                    url.toString()));
        }
        pos = close + 1;
    }

    private void add(String type, int start, String language) {
        if (out.length() > start) {
            entities.add(FormattedText.entity(type, start, out.length() - start, "language", language));
        }
    }

    private int bytes(int charIndex) {
        return input.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String capitalized(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static RuntimeException unclosed(Open entity) {
        return HtmlParser.error("Can't find end of " + entity.type() + " entity at byte offset "
                + entity.byteOffset());
    }

    private static RuntimeException reserved(char c) {
        return HtmlParser.error("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
    }
}
