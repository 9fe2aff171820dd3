package ru.smetabot.sandbox.botapi;

import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.state.SandboxException;
import tools.jackson.databind.ObjectMapper;

/**
 * A Bot API call's parameters, whatever the encoding: JSON values arrive typed, form and multipart values
 * as strings (objects such as reply_markup then hold JSON text), uploads as files.
 */
final class BotRequest {

    /** An uploaded multipart file. */
    record Upload(String fileName, String contentType, byte[] content) {
    }

    private final Map<String, Object> params;
    private final Map<String, Upload> files;
    private final ObjectMapper json;

    BotRequest(Map<String, Object> params, Map<String, Upload> files, ObjectMapper json) {
        this.params = params;
        this.files = files;
        this.json = json;
    }

    String string(String name) {
        Object value = params.get(name);
        return value == null ? null : value.toString();
    }

    String requireString(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw SandboxException.badRequest(name + " is empty", null);
        }
        return value;
    }

    Long optionalLong(String name) {
        Object value = params.get(name);
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw SandboxException.badRequest("invalid " + name + " specified", null);
        }
    }

    long requireLong(String name) {
        Long value = optionalLong(name);
        if (value == null) {
            throw SandboxException.badRequest(name + " is empty", null);
        }
        return value;
    }

    Integer optionalInt(String name) {
        Long value = optionalLong(name);
        return value == null ? null : value.intValue();
    }

    boolean bool(String name) {
        Object value = params.get(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = params.get(name);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        String text = value.toString();
        return text.isBlank() ? null : json.readValue(text, Map.class);
    }

    /** A list given as a JSON array or as JSON text (allowed_updates in a form body). */
    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        Object value = params.get(name);
        if (value == null || value instanceof List) {
            return (List<String>) value;
        }
        String text = value.toString();
        return text.isBlank() ? List.of() : json.readValue(text, List.class);
    }

    /** A list of objects given as a JSON array or as JSON text (setMyCommands' commands in a form body). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String name) {
        Object value = params.get(name);
        if (value == null || value instanceof List) {
            return (List<Map<String, Object>>) value;
        }
        String text = value.toString();
        return text.isBlank() ? null : json.readValue(text, List.class);
    }

    Upload file(String name) {
        return files.get(name);
    }
}
