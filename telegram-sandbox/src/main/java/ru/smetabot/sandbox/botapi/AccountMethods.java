package ru.smetabot.sandbox.botapi;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.TelegramObjects;

/** getMe and command settings: the bot's own account (webhooks: {@link WebhookMethods}). */
@Component
class AccountMethods implements BotMethodGroup {

    @Override
    public Map<String, BotMethod> methods() {
        BotMethod accepted = (bot, r) -> true;
        return Map.ofEntries(
                Map.entry("getMe", (bot, r) -> {
                    Map<String, Object> me = TelegramObjects.user(bot);
                    me.putAll(Json.obj("can_join_groups", true, "can_read_all_group_messages", false,
                            "supports_inline_queries", false, "can_connect_to_business", false,
                            "has_main_web_app", false));
                    return me;
                }),
                Map.entry("getMyCommands", (bot, r) -> List.of()),
                // Settings a bot may push at start-up: accepted and not modelled.
                Map.entry("setMyCommands", accepted),
                Map.entry("deleteMyCommands", accepted),
                Map.entry("setChatMenuButton", accepted),
                Map.entry("setMyName", accepted),
                Map.entry("setMyDescription", accepted),
                Map.entry("setMyShortDescription", accepted),
                Map.entry("setMyDefaultAdministratorRights", accepted));
    }
}
