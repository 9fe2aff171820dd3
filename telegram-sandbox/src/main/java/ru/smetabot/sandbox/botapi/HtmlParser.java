package ru.smetabot.sandbox.botapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.smetabot.sandbox.state.SandboxException;

/**
 * parse_mode=HTML as Telegram parses it ("Formatting options → HTML style" of the Bot API docs): the tags
 * b strong i em u ins s strike del span class="tg-spoiler" tg-spoiler a href code pre (with a nested
 * code class="language-x") blockquote (expandable) tg-emoji emoji-id, the entities &amp;lt; &amp;gt;
 * &amp;amp; &amp;quot; and numeric ones; anything else fails with Telegram's "can't parse entities: …" wording.
 *
 * <p>Hand-written on purpose: no Java HTML library parses Telegram's subset — real HTML parsers (jsoup,
 * the JDK's) repair unclosed or unknown tags instead of refusing them, decode every named entity, and
 * report no UTF-8 byte offsets, which is exactly what Telegram's answers consist of. A single pass with a
 * stack of open tags is all the subset needs.
 */
final class HtmlParser {

    private static final Map<String, String> SIMPLE = Map.ofEntries(
            Map.entry("b", "bold"), Map.entry("strong", "bold"),
            Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"),
            Map.entry("s", "strikethrough"), Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"),
            Map.entry("tg-spoiler", "spoiler"));
    private static final Set<String> SUPPORTED = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "tg-spoiler", "span", "a", "code", "pre", "blockquote", "tg-emoji");

    private record Open(String name, int start, int byteOffset, Map<String, String> attributes) {
    }

    private final String input;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<Map<String, Object>> entities = new ArrayList<>();
    /** pre entities that got their language from a nested code tag: start offset → language. */
    private final Map<Integer, String> preLanguage = new HashMap<>();
    private int pos;

    private HtmlParser(String input) {
        this.input = input;
    }

    static FormattedText parse(String html) {
        return new HtmlParser(html).run();
    }

    private FormattedText run() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '&') {
                entity();
            } else if (c == '<') {
                if (pos + 1 < input.length() && input.charAt(pos + 1) == '/') {
                    endTag();
                } else {
                    startTag();
                }
            } else {
                out.append(c);
                pos++;
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek().name() + "\"");
        }
        return new FormattedText(out.toString(), entities).trimmed();
    }

    /** A character reference Telegram decodes, or a literal '&'. */
    private void entity() {
        HtmlEntities.Decoded decoded = HtmlEntities.at(input, pos);
        if (decoded == null) {
            out.append('&');
            pos++;
        } else {
            out.appendCodePoint(decoded.codePoint());
            pos = decoded.end();
        }
    }

    private void startTag() {
        int begin = pos;
        pos++;
        int nameStart = pos;
        while (pos < input.length() && !Character.isWhitespace(input.charAt(pos)) && input.charAt(pos) != '>') {
            pos++;
        }
        if (pos >= input.length()) {
            throw error("Unclosed start tag at byte offset " + bytes(begin));
        }
        String name = input.substring(nameStart, pos).toLowerCase();
        if (!SUPPORTED.contains(name)) {
            throw error("Unsupported start tag \"" + name + "\" at byte offset " + bytes(begin));
        }
        Map<String, String> attributes = attributes(name, begin);
        pos++;
        if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            throw error("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + bytes(begin));
        }
        if (name.equals("tg-emoji") && !attributes.containsKey("emoji-id")) {
            throw error("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset " + bytes(begin));
        }
        open.push(new Open(name, out.length(), bytes(begin), attributes));
    }

    /** name="value", name='value', name=token or a bare name (blockquote expandable), up to the closing '>'. */
    private Map<String, String> attributes(String tag, int begin) {
        Map<String, String> attributes = new HashMap<>();
        while (true) {
            skipSpaces();
            if (pos >= input.length()) {
                throw error("Unclosed start tag at byte offset " + bytes(begin));
            }
            if (input.charAt(pos) == '>') {
                return attributes;
            }
            int nameStart = pos;
            while (pos < input.length() && !Character.isWhitespace(input.charAt(pos)) && input.charAt(pos) != '='
                    && input.charAt(pos) != '>') {
                pos++;
            }
            String name = input.substring(nameStart, pos).toLowerCase();
            if (name.isEmpty()) {
                throw error("Empty attribute name in the tag \"" + tag + "\" at byte offset " + bytes(begin));
            }
            skipSpaces();
            if (pos >= input.length()) {
                throw error("Unclosed start tag at byte offset " + bytes(begin));
            }
            if (input.charAt(pos) != '=') {
                attributes.put(name, "");
                continue;
            }
            pos++;
            skipSpaces();
            if (pos >= input.length()) {
                throw error("Unclosed start tag at byte offset " + bytes(begin));
            }
            attributes.put(name, attributeValue(begin));
        }
    }

    private String attributeValue(int begin) {
        char quote = input.charAt(pos);
        if (quote != '"' && quote != '\'') {
            int start = pos;
            while (pos < input.length() && (Character.isLetterOrDigit(input.charAt(pos))
                    || input.charAt(pos) == '.' || input.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < input.length() && !Character.isWhitespace(input.charAt(pos)) && input.charAt(pos) != '>') {
                throw error("Unexpected end of name token at byte offset " + bytes(start));
            }
            return input.substring(start, pos).toLowerCase();
        }
        int end = input.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("Unclosed start tag at byte offset " + bytes(begin));
        }
        String raw = input.substring(pos + 1, end);
        pos = end + 1;
        return HtmlEntities.decodeAll(raw);
    }

    private void endTag() {
        int begin = pos;
        pos += 2;
        int nameStart = pos;
        while (pos < input.length() && !Character.isWhitespace(input.charAt(pos)) && input.charAt(pos) != '>') {
            pos++;
        }
        String name = input.substring(nameStart, pos).toLowerCase();
        if (open.isEmpty()) {
            throw error("Unexpected end tag at byte offset " + bytes(begin));
        }
        skipSpaces();
        if (pos >= input.length() || input.charAt(pos) != '>') {
            throw error("Unclosed end tag at byte offset " + bytes(begin));
        }
        pos++;
        Open tag = open.pop();
        if (!name.isEmpty() && !name.equals(tag.name())) {
            throw error("Unmatched end tag at byte offset " + bytes(begin) + ", expected \"</" + tag.name()
                    + ">\", found \"</" + name + ">\"");
        }
        close(tag);
    }

    private void close(Open tag) {
        int length = out.length() - tag.start();
        if (length == 0) {
            return;
        }
        Map<String, String> a = tag.attributes();
        switch (tag.name()) {
            case "span" -> add("spoiler", tag, length, null, null);
            case "a" -> add("text_link", tag, length, "url", a.getOrDefault("href", out.substring(tag.start())));
            case "blockquote" -> add(a.containsKey("expandable") ? "expandable_blockquote" : "blockquote", tag,
                    length, null, null);
            case "tg-emoji" -> add("custom_emoji", tag, length, "custom_emoji_id", a.get("emoji-id"));
            case "code" -> {
                String language = a.getOrDefault("class", "");
                Open parent = open.peek();
                if (parent != null && parent.name().equals("pre") && parent.start() == tag.start()
                        && language.startsWith("language-")) {
                    preLanguage.put(parent.start(), language.substring("language-".length()));
                } else {
                    add("code", tag, length, null, null);
                }
            }
            case "pre" -> add("pre", tag, length, "language", preLanguage.remove(tag.start()));
            default -> add(SIMPLE.get(tag.name()), tag, length, null, null);
        }
    }

    private void add(String type, Open tag, int length, String extraKey, String extraValue) {
        entities.add(FormattedText.entity(type, tag.start(), length, extraKey, extraValue));
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    /** Telegram reports positions as UTF-8 byte offsets of the original text. */
    private int bytes(int charIndex) {
        return input.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    static SandboxException error(String detail) {
        return SandboxException.badRequest("can't parse entities: " + detail, "ENTITY_BOUNDS_INVALID");
    }
}
