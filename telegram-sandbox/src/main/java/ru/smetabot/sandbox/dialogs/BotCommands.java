package ru.smetabot.sandbox.dialogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.smetabot.sandbox.updates.Json;

/**
 * The bot_command entities Telegram detects in a user's text ("/start", "/help@some_bot"), as a bot sees them in
 * Message.entities (Bot API MessageEntity "bot_command"); offsets in UTF-16 code units like String indexes.
 */
final class BotCommands {

    private static final Pattern COMMAND = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\\p{L}\\p{N}_/])");

    private BotCommands() {
    }

    static List<Map<String, Object>> entities(String text) {
        List<Map<String, Object>> entities = new ArrayList<>();
        if (text == null) {
            return entities;
        }
        Matcher m = COMMAND.matcher(text);
        while (m.find()) {
            entities.add(Json.obj("offset", m.start(), "length", m.end() - m.start(), "type", "bot_command"));
        }
        return entities;
    }
}
