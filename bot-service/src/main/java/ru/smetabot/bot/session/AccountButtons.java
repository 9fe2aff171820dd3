package ru.smetabot.bot.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.callbacks.Callback.AccountInfo;
import ru.smetabot.bot.callbacks.Callback.DisconnectAccount;
import ru.smetabot.bot.callbacks.CallbackHandler;

/** The account screen's buttons, dispatched by the callback router. */
@Configuration(proxyBeanMethods = false)
class AccountButtons {

    @Bean
    CallbackHandler<AccountInfo> accountInfoButton(AccountCommands commands) {
        return CallbackHandler.of(AccountInfo.class, (context, callback) -> commands.onInfo(context));
    }

    @Bean
    CallbackHandler<DisconnectAccount> disconnectAccountButton(AccountCommands commands) {
        return CallbackHandler.of(DisconnectAccount.class, (context, callback) -> commands.onDisconnect(context, callback.confirmed()));
    }
}
