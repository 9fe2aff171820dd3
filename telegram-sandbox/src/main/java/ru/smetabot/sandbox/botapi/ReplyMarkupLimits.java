package ru.smetabot.sandbox.botapi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.smetabot.sandbox.state.SandboxException;

/**
 * Telegram's checks of reply_markup: callback_data of 1–64 bytes (InlineKeyboardButton in the Bot API docs;
 * else 400 "BUTTON_DATA_INVALID"), an inline button must do something (else "Text buttons are unallowed in
 * the inline keyboard"), and at most 100 inline buttons / 8 per row, 300 reply buttons / 12 per row
 * (else 400 "reply markup is too long").
 */
final class ReplyMarkupLimits {

    static final int MAX_CALLBACK_DATA_BYTES = 64;
    static final int MAX_INLINE_BUTTONS = 100;
    static final int MAX_INLINE_PER_ROW = 8;
    static final int MAX_REPLY_BUTTONS = 300;
    static final int MAX_REPLY_PER_ROW = 12;

    private static final Set<String> INLINE_ACTIONS = Set.of("url", "callback_data", "web_app", "login_url",
            "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "copy_text", "callback_game", "pay");

    private ReplyMarkupLimits() {
    }

    static Map<String, Object> check(Map<String, Object> markup) {
        if (markup == null) {
            return null;
        }
        if (markup.get("inline_keyboard") instanceof List<?> rows) {
            checkSize(rows, MAX_INLINE_BUTTONS, MAX_INLINE_PER_ROW);
            rows.forEach(row -> ((List<?>) row).forEach(ReplyMarkupLimits::checkInlineButton));
        } else if (markup.get("keyboard") instanceof List<?> rows) {
            checkSize(rows, MAX_REPLY_BUTTONS, MAX_REPLY_PER_ROW);
        }
        return markup;
    }

    private static void checkSize(List<?> rows, int maxButtons, int maxPerRow) {
        int total = 0;
        for (Object row : rows) {
            if (!(row instanceof List<?> buttons)) {
                throw SandboxException.badRequest("can't parse reply keyboard markup JSON object", null);
            }
            total += buttons.size();
            if (buttons.size() > maxPerRow || total > maxButtons) {
                throw SandboxException.badRequest("reply markup is too long", "REPLY_MARKUP_TOO_LONG");
            }
        }
    }

    private static void checkInlineButton(Object button) {
        if (!(button instanceof Map<?, ?> b) || b.keySet().stream().noneMatch(INLINE_ACTIONS::contains)) {
            throw SandboxException.badRequest("can't parse inline keyboard button: Text buttons are unallowed in "
                    + "the inline keyboard", "BUTTON_TYPE_INVALID");
        }
        Object data = b.get("callback_data");
        if (data != null) {
            int bytes = data.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                throw SandboxException.badRequest("BUTTON_DATA_INVALID", "BUTTON_DATA_INVALID");
            }
        }
    }
}
