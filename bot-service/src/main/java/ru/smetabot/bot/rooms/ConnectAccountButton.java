package ru.smetabot.bot.rooms;

import org.springframework.stereotype.Component;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.callbacks.Callback.ConnectAccount;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;

/** "🔐 Подключить аккаунт" on messages sent before it became a Mini App button: sends the button that opens it. */
@Component
class ConnectAccountButton implements CallbackHandler<ConnectAccount> {

    private final Texts texts;
    private final BotGateway gateway;
    private final String miniAppUrl;

    ConnectAccountButton(Texts texts, BotGateway gateway, BotProperties properties) {
        this.texts = texts;
        this.gateway = gateway;
        this.miniAppUrl = properties.miniAppUrl();
    }

    @Override
    public Class<ConnectAccount> type() {
        return ConnectAccount.class;
    }

    @Override
    public void handle(CallbackContext context, ConnectAccount callback) {
        context.answer(null);
        gateway.send(context.chatId(), NewRoomFlow.notConnected(texts, context.locale(), miniAppUrl));
    }
}
