package ru.smetabot.bot.session;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.account.ConnectedAccounts;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.userbotapi.AccountRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotRejectedException;

/**
 * /account and its buttons: shows whether the presser's own account is connected, connects it (Mini App
 * button) or, after a confirmation, disconnects it — the userbot logs the session out and deletes it.
 * Every action is about the presser's account only; callback data names no account.
 */
@Service
public class AccountCommands {

    private static final Logger log = LoggerFactory.getLogger(AccountCommands.class);

    private final ConnectedAccounts accounts;
    private final UserbotApi userbot;
    private final BotGateway gateway;
    private final Texts texts;
    private final LoginMetrics metrics;
    private final String miniAppUrl;

    AccountCommands(ConnectedAccounts accounts, UserbotApi userbot, BotGateway gateway, Texts texts, LoginMetrics metrics,
            BotProperties properties) {
        this.accounts = accounts;
        this.userbot = userbot;
        this.gateway = gateway;
        this.texts = texts;
        this.metrics = metrics;
        this.miniAppUrl = properties.miniAppUrl();
    }

    /** The /account command. */
    public void show(long chatId, long userId, Locale locale) {
        gateway.send(chatId, statusScreen(userId, locale));
    }

    void onInfo(CallbackContext context) {
        context.answer(null);
        gateway.edit(context.chatId(), context.messageId(), statusScreen(context.userId(), context.locale()));
    }

    void onDisconnect(CallbackContext context, boolean confirmed) {
        Locale locale = context.locale();
        if (!confirmed) {
            context.answer(null);
            gateway.edit(context.chatId(), context.messageId(), AccountScreens.confirmDisconnect(texts, locale));
            return;
        }
        long account = context.userId();
        try {
            userbot.logout(new AccountRequest(account));
            metrics.record(LoginStep.DISCONNECT, "disconnected");
            log.info("Account {} disconnected by its owner (session logged out and deleted)", account);
        } catch (UserbotRejectedException e) {
            if (!e.isNotAuthorized()) {
                failed(context, account, e);
                return;
            }
            metrics.record(LoginStep.DISCONNECT, "not_connected");
        } catch (UserbotException e) {
            failed(context, account, e);
            return;
        }
        context.answer(texts.get(locale, "account.disconnected_toast"));
        gateway.edit(context.chatId(), context.messageId(),
                AccountScreens.notConnected(texts, locale, "account.disconnected", miniAppUrl));
    }

    private void failed(CallbackContext context, long account, UserbotException e) {
        metrics.record(LoginStep.DISCONNECT, "failed");
        log.warn("Could not disconnect account {}: {}; see userbot /session/status", account, e.getMessage());
        context.answer(texts.get(context.locale(), "account.userbot_down"), true);
    }

    private Screen statusScreen(long userId, Locale locale) {
        try {
            return accounts.isConnected(userId) ? AccountScreens.status(texts, locale)
                    : AccountScreens.notConnected(texts, locale, "account.status_not_connected", miniAppUrl);
        } catch (UserbotException e) {
            log.warn("Session status for {} unavailable: {}", userId, e.getMessage());
            return Screen.text(texts.get(locale, "account.userbot_down"));
        }
    }
}
