package ru.smetabot.sandbox.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredPart;

/** Reads {@code world.json} (see {@link WorldStore}) back into the running sandbox. */
final class WorldReader {

    private WorldReader() {
    }

    /**
     * Reads a saved world into {@code state} and {@code parts} as one stream (no tree in between: a world of
     * 10 000 posts is about 10 MB). Call under the world lock.
     */
    static void read(JsonMapper mapper, SandboxState state, List<StoredPart<?>> parts, byte[] bytes) {
        Map<String, StoredPart<?>> byKey = new LinkedHashMap<>();
        parts.forEach(part -> byKey.put(part.key(), part));
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a JSON object");
            }
            int format = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "format" -> format = parser.getIntValue();
                    case "world" -> {
                        requireFormat(format);
                        mapper.readerForUpdating(state).readValue(parser);
                    }
                    case "parts" -> {
                        requireFormat(format);
                        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                            StoredPart<?> part = byKey.get(parser.currentName());
                            parser.nextToken();
                            if (part == null) {
                                parser.skipChildren();
                            } else {
                                loadPart(mapper, part, parser);
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
    }

    private static void requireFormat(int format) {
        if (format != WorldStore.FORMAT) {
            throw new IllegalStateException("format " + format + " is not " + WorldStore.FORMAT);
        }
    }

    private static <T> void loadPart(JsonMapper mapper, StoredPart<T> part, JsonParser parser) {
        T saved = mapper.readValue(parser, part.type());
        if (saved != null) {
            part.load(saved);
        }
    }

}
