package ru.smetabot.sandbox.dialogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads reply_markup JSON (already parsed into maps and lists). */
public final class Keyboards {

    private Keyboards() {
    }

    /** Only an inline keyboard stays attached to a message; reply keyboards belong to the chat. */
    public static Map<String, Object> inlineOnly(Map<String, Object> markup) {
        return markup != null && markup.containsKey("inline_keyboard") ? markup : null;
    }

    public static List<String> callbackData(Map<String, Object> markup) {
        return buttons(markup, "inline_keyboard", "callback_data");
    }

    public static List<String> replyButtonTexts(Map<String, Object> markup) {
        return buttons(markup, "keyboard", "text");
    }

    private static List<String> buttons(Map<String, Object> markup, String rowsKey, String field) {
        List<String> result = new ArrayList<>();
        if (markup == null || !(markup.get(rowsKey) instanceof List<?> rows)) {
            return result;
        }
        for (Object row : rows) {
            if (row instanceof List<?> buttons) {
                for (Object button : buttons) {
                    if (button instanceof Map<?, ?> b && b.get(field) != null) {
                        result.add(b.get(field).toString());
                    } else if (button instanceof String s && "text".equals(field)) {
                        result.add(s);
                    }
                }
            }
        }
        return result;
    }
}
