package ru.smetabot.sandbox.botapi;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.TelegramObjects;
import ru.smetabot.sandbox.updates.UpdateHub;

/** getMe, webhook and command settings: the bot's own account. */
@Component
class AccountMethods implements BotMethodGroup {

    private final UpdateHub hub;

    AccountMethods(UpdateHub hub) {
        this.hub = hub;
    }

    @Override
    public Map<String, BotMethod> methods() {
        return Map.of(
                "getMe", (bot, r) -> {
                    Map<String, Object> me = TelegramObjects.user(bot);
                    me.putAll(Json.obj("can_join_groups", true, "can_read_all_group_messages", false,
                            "supports_inline_queries", false, "can_connect_to_business", false,
                            "has_main_web_app", false));
                    return me;
                },
                "deleteWebhook", (bot, r) -> true,
                "setWebhook", (bot, r) -> true,
                "getWebhookInfo", (bot, r) -> Json.obj("url", "", "has_custom_certificate", false,
                        "pending_update_count", hub.pendingCount(bot.id())),
                "setMyCommands", (bot, r) -> true,
                "deleteMyCommands", (bot, r) -> true,
                "getMyCommands", (bot, r) -> List.of(),
                "setChatMenuButton", (bot, r) -> true);
    }
}
