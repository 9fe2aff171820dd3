package ru.smetabot.sandbox.botapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.Resettable;

/**
 * The command lists a bot set with setMyCommands, per (scope, language_code), as Telegram keeps them
 * (Bot API "setMyCommands", "getMyCommands", "deleteMyCommands", "BotCommand", "BotCommandScope"):
 * a command is 1–32 of a–z, 0–9 and _, a description 1–256 characters, at most 100 commands; language_code
 * empty or two letters (ISO 639-1). getMyCommands answers the list of exactly that scope and language,
 * an empty list when none was set. Errors use Telegram's MTProto names (method bots.setBotCommands).
 */
@Component
class BotCommands implements Resettable {

    static final int MAX_COMMANDS = 100;
    static final int MAX_DESCRIPTION = 256;
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Set<String> SCOPES = Set.of("default", "all_private_chats", "all_group_chats",
            "all_chat_administrators", "chat", "chat_administrators", "chat_member");

    /** bot id → "scope|language" → commands. */
    private final Map<Long, Map<String, List<Map<String, Object>>>> lists = new ConcurrentHashMap<>();

    Map<String, BotMethod> methods() {
        return Map.of(
                "setMyCommands", (bot, r) -> {
                    List<Map<String, Object>> commands = validate(r.objects("commands"));
                    lists.computeIfAbsent(bot.id(), b -> new ConcurrentHashMap<>()).put(key(r), commands);
                    return true;
                },
                "getMyCommands", (bot, r) -> lists.getOrDefault(bot.id(), Map.of()).getOrDefault(key(r), List.of()),
                "deleteMyCommands", (bot, r) -> {
                    lists.getOrDefault(bot.id(), new ConcurrentHashMap<>()).remove(key(r));
                    return true;
                });
    }

    private static String key(BotRequest r) {
        Map<String, Object> scope = r.object("scope");
        String type = scope == null ? "default" : String.valueOf(scope.get("type"));
        if (!SCOPES.contains(type)) {
            throw SandboxException.badRequest("unsupported bot command scope type", null);
        }
        String language = r.string("language_code");
        language = language == null ? "" : language;
        if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            throw SandboxException.badRequest("LANG_CODE_INVALID", "LANG_CODE_INVALID");
        }
        Object chat = scope == null ? null : scope.get("chat_id");
        Object user = scope == null ? null : scope.get("user_id");
        return type + (chat == null ? "" : ":" + chat) + (user == null ? "" : ":" + user) + "|" + language;
    }

    private static List<Map<String, Object>> validate(List<Map<String, Object>> commands) {
        if (commands == null) {
            throw SandboxException.badRequest("commands is empty", null);
        }
        if (commands.size() > MAX_COMMANDS) {
            throw SandboxException.badRequest("too many commands specified", "BOT_COMMANDS_TOO_MUCH");
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> command : commands) {
            String name = command.get("command") == null ? "" : command.get("command").toString();
            String description = command.get("description") == null ? "" : command.get("description").toString();
            if (!COMMAND.matcher(name).matches()) {
                throw SandboxException.badRequest("BOT_COMMAND_INVALID", "BOT_COMMAND_INVALID");
            }
            int length = description.codePointCount(0, description.length());
            if (description.isBlank() || length > MAX_DESCRIPTION) {
                throw SandboxException.badRequest("BOT_COMMAND_DESCRIPTION_INVALID", "BOT_COMMAND_DESCRIPTION_INVALID");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("command", name);
            copy.put("description", description);
            kept.add(copy);
        }
        return List.copyOf(kept);
    }

    @Override
    public void reset() {
        lists.clear();
    }
}
