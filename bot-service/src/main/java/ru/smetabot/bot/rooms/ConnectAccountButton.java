package ru.smetabot.bot.rooms;

import org.springframework.stereotype.Component;
import ru.smetabot.bot.callbacks.Callback.ConnectAccount;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;

/** "🔐 Подключить аккаунт": the Mini App login page is its own issue; until then the button explains. */
@Component
class ConnectAccountButton implements CallbackHandler<ConnectAccount> {

    private final Texts texts;

    ConnectAccountButton(Texts texts) {
        this.texts = texts;
    }

    @Override
    public Class<ConnectAccount> type() {
        return ConnectAccount.class;
    }

    @Override
    public void handle(CallbackContext context, ConnectAccount callback) {
        context.answer(texts.get(context.locale(), "rooms.connect_placeholder"), true);
    }
}
