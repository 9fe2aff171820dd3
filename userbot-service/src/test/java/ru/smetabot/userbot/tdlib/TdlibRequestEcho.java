package ru.smetabot.userbot.tdlib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What TDLib parsed out of a request, read from its own log and compared with what was sent.
 *
 * <p>TDLib's {@code Td::request} logs every request it receives under the {@code td_requests} tag as
 * {@code Receive request N: <to_string(function)>} <em>after</em> parsing the JSON into its TL object and
 * <em>before</em> checking anything else. {@code to_string} (TlStorerToString) prints every field of every
 * object, one per line ({@code name = value}, nested objects as {@code name = type {…}}, vectors as
 * {@code name = vector[n] {…}}, strings in quotes, bytes as {@code bytes [n] {…}}, secure strings as
 * {@code <secret>}). A field TDLib does not know is ignored by its JSON parser and so is absent from the echo:
 * that is how a silently dropped field shows.
 */
final class TdlibRequestEcho {

    private static final Pattern HEADER = Pattern.compile("Receive request \\d+: (\\w+) \\{$");
    private static final Pattern FIELD = Pattern.compile("^(\\s*)(\\w+) = (.*)$");
    private static final Pattern ELEMENT_OBJECT = Pattern.compile("^\\s*(\\w+) \\{$");

    private TdlibRequestEcho() {
    }

    /**
     * The last echo of a {@code type} request in {@code log}, flattened to paths ({@code status.rights.can_invite_users},
     * {@code message_ids[0]}, {@code status@type}) and printed values; null when there is none.
     */
    static Map<String, String> lastEcho(String log, String type) {
        String[] lines = log.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i]);
            if (header.find() && header.group(1).equals(type)) {
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> vectorIndexes = new ArrayDeque<>();
        path.push("");
        vectorIndexes.push(new int[] {-1});
        for (int i = start + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("}")) {
                if (path.size() == 1) {
                    break;
                }
                path.pop();
                vectorIndexes.pop();
                continue;
            }
            String prefix = path.peek();
            Matcher field = FIELD.matcher(line);
            String name;
            String value;
            if (field.matches()) {
                name = join(prefix, field.group(2));
                value = field.group(3);
            } else {
                int[] index = vectorIndexes.peek();
                name = prefix + "[" + (++index[0]) + "]";
                Matcher object = ELEMENT_OBJECT.matcher(line);
                value = object.matches() ? object.group(1) + " {" : line.strip();
            }
            if (value.startsWith("vector[") && value.endsWith("{")) {
                path.push(name);
                vectorIndexes.push(new int[] {-1});
            } else if (value.endsWith(" {")) {
                fields.put(name + "@type", value.substring(0, value.length() - 2));
                path.push(name);
                vectorIndexes.push(new int[] {-1});
            } else {
                fields.put(name, value);
            }
        }
        return fields;
    }

    /** The sent JSON request flattened like {@link #lastEcho}: values as TDLib prints them. */
    static Map<String, String> sent(JsonNode request) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", request, fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (key.equals("@extra") || key.equals("@client_id")) {
                    continue;
                }
                if (key.equals("@type")) {
                    if (!prefix.isEmpty()) {
                        into.put(prefix + "@type", field.getValue().asString());
                    }
                    continue;
                }
                flatten(join(prefix, key), field.getValue(), into);
            }
        } else if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(elements::add);
            for (int i = 0; i < elements.size(); i++) {
                flatten(prefix + "[" + i + "]", elements.get(i), into);
            }
        } else if (node.isString()) {
            into.put(prefix, "\"" + node.asString() + "\"");
        } else {
            into.put(prefix, node.asString());
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
