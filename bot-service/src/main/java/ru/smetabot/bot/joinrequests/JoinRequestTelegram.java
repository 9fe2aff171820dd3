package ru.smetabot.bot.joinrequests;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;

/** Approve and decline through the Bot API; "already handled" answers count as success. */
@Component
class JoinRequestTelegram {

    private final BotGateway gateway;

    JoinRequestTelegram(BotGateway gateway) {
        this.gateway = gateway;
    }

    /** True when this call approved the request, false when it had been handled already. */
    boolean approve(long chatId, long userId) {
        try {
            gateway.execute(ApproveChatJoinRequest.builder().chatId(chatId).userId(userId).build());
            return true;
        } catch (BotApiException e) {
            if (alreadyHandled(e)) {
                return false;
            }
            throw e;
        }
    }

    boolean decline(long chatId, long userId) {
        try {
            gateway.execute(DeclineChatJoinRequest.builder().chatId(chatId).userId(userId).build());
            return true;
        } catch (BotApiException e) {
            if (alreadyHandled(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean alreadyHandled(BotApiException e) {
        String message = e.getMessage();
        return e.errorCode() == 400 && message != null
                && (message.contains("HIDE_REQUESTER_MISSING") || message.contains("USER_ALREADY_PARTICIPANT"));
    }

    /** Telegram's answer when the bot is an admin without the needed right. */
    static boolean lacksRights(BotApiException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return (e.errorCode() == 400 || e.errorCode() == 403)
                && (message.contains("not enough rights") || message.contains("chat_admin_required")
                || message.contains("administrator rights"));
    }
}
