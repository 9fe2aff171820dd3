package ru.smetabot.bot.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.rooms.NewRoomFlow;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;

/** Tells the user in the chat that the account is connected (the private chat's id is the user's id). */
@Component
class AccountNotices {

    private static final Logger log = LoggerFactory.getLogger(AccountNotices.class);

    private final BotGateway gateway;
    private final Texts texts;
    private final NewRoomFlow newRoom;

    AccountNotices(BotGateway gateway, Texts texts, NewRoomFlow newRoom) {
        this.gateway = gateway;
        this.texts = texts;
        this.newRoom = newRoom;
    }

    void connected(InitData user) {
        try {
            gateway.send(user.userId(), AccountScreens.connected(texts, AccountLogin.locale(user), user.displayName()));
        } catch (BotApiException e) {
            // The session is connected either way; the page says so too.
            log.warn("Account {} connected, but the confirmation could not be sent to the chat: {}", user.userId(), e.getMessage());
        }
        try {
            newRoom.resumeAfterConnect(user.userId(), AccountLogin.locale(user));
        } catch (RuntimeException e) {
            // The login succeeded; "🆕 Новый канал" still works by hand.
            log.warn("Account {} connected, but the interrupted new room could not be resumed: {}", user.userId(), e.toString());
        }
    }
}
