package ru.smetabot.sandbox.botapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ru.smetabot.sandbox.state.SandboxException;

/** Turns text and its parse_mode into what Telegram stores: plain text plus entities. */
final class ParseModes {

    private ParseModes() {
    }

    /** Parses {@code text} by {@code parseMode} (absent = plain text); null stays null. */
    static FormattedText parse(String text, String parseMode) {
        if (text == null) {
            return null;
        }
        if (parseMode == null || parseMode.isEmpty()) {
            return FormattedText.plain(text).trimmed();
        }
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> HtmlParser.parse(text);
            case "markdownv2" -> MarkdownV2Parser.parse(text);
            case "markdown" -> legacyMarkdown(text);
            default -> throw SandboxException.badRequest("unsupported parse_mode", null);
        };
    }

    /**
     * The legacy Markdown mode: *bold* _italic_ `code` ```pre``` [text](url), no escaping inside entities,
     * an entity left open is "Can't find end of the entity starting at byte offset N".
     */
    private static FormattedText legacyMarkdown(String text) {
        StringBuilder out = new StringBuilder();
        List<Map<String, Object>> entities = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            String fence = text.startsWith("```", i) ? "```" : String.valueOf(c);
            String type = switch (fence) {
                case "```" -> "pre";
                case "`" -> "code";
                case "*" -> "bold";
                case "_" -> "italic";
                case "[" -> "text_link";
                default -> null;
            };
            if (type == null) {
                out.append(c);
                i++;
                continue;
            }
            String closing = type.equals("text_link") ? "]" : fence;
            int end = text.indexOf(closing, i + fence.length());
            if (end < 0) {
                throw HtmlParser.error("Can't find end of the entity starting at byte offset "
                        + text.substring(0, i).getBytes(StandardCharsets.UTF_8).length);
            }
            int start = out.length();
            out.append(text, i + fence.length(), end);
            i = end + closing.length();
            String url = null;
            if (type.equals("text_link") && text.startsWith("(", i) && text.indexOf(')', i) > 0) {
                url = text.substring(i + 1, text.indexOf(')', i));
                i = text.indexOf(')', i) + 1;
            }
            if (out.length() > start) {
                entities.add(FormattedText.entity(type, start, out.length() - start, "url", url));
            }
        }
        return new FormattedText(out.toString(), entities).trimmed();
    }
}
