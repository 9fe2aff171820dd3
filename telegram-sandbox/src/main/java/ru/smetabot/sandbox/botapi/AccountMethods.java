package ru.smetabot.sandbox.botapi;

import java.util.Map;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.TelegramObjects;

/** getMe and command settings: the bot's own account (the webhook methods are {@link WebhookMethods}). */
@Component
class AccountMethods implements BotMethodGroup {

    private final BotCommands commands;

    AccountMethods(BotCommands commands) {
        this.commands = commands;
    }

    @Override
    public Map<String, BotMethod> methods() {
        BotMethod accepted = (bot, r) -> true;
        Map<String, BotMethod> methods = new java.util.HashMap<>(commands.methods());
        methods.putAll(Map.ofEntries(
                Map.entry("getMe", (bot, r) -> {
                    Map<String, Object> me = TelegramObjects.user(bot);
                    me.putAll(Json.obj("can_join_groups", true, "can_read_all_group_messages", false,
                            "supports_inline_queries", false, "can_connect_to_business", false,
                            "has_main_web_app", false));
                    return me;
                }),
                // Settings a bot may push at start-up: accepted and not modelled.
                Map.entry("setChatMenuButton", accepted),
                Map.entry("setMyName", accepted),
                Map.entry("setMyDescription", accepted),
                Map.entry("setMyShortDescription", accepted),
                Map.entry("setMyDefaultAdministratorRights", accepted)));
        return methods;
    }
}
