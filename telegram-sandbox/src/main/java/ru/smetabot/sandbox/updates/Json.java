package ru.smetabot.sandbox.updates;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds JSON objects as ordered maps, leaving out null values as Telegram does. */
public final class Json {

    private Json() {
    }

    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
