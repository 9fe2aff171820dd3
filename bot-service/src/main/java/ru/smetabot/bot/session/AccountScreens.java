package ru.smetabot.bot.session;

import java.util.Locale;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

/** The account screens in the chat, as pure functions of the state (texts from the bundles). */
final class AccountScreens {

    private AccountScreens() {
    }

    /** After a successful Mini App login: "✅ Аккаунт подключён: @username". */
    static Screen connected(Texts texts, Locale locale, String displayName) {
        return new Screen(texts.get(locale, "account.connected", Html.escape(displayName)), disconnectKeyboard(texts, locale));
    }

    /** /account when connected. */
    static Screen status(Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "account.status_connected"), disconnectKeyboard(texts, locale));
    }

    /** /account when not connected, and after a disconnect: the button that opens the Mini App. */
    static Screen notConnected(Texts texts, Locale locale, String key, String miniAppUrl) {
        return new Screen(texts.get(locale, key), Buttons.inline()
                .row(Buttons.webApp(texts.get(locale, "rooms.connect_button"), miniAppUrl)).build());
    }

    static Screen confirmDisconnect(Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "account.disconnect_confirm"), Buttons.inline()
                .row(Buttons.button(texts.get(locale, "account.disconnect_yes"), new Callback.DisconnectAccount(true)),
                        Buttons.button(texts.get(locale, "account.disconnect_no"), new Callback.AccountInfo()))
                .build());
    }

    private static org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup disconnectKeyboard(
            Texts texts, Locale locale) {
        return Buttons.inline()
                .row(Buttons.button(texts.get(locale, "account.disconnect_button"), new Callback.DisconnectAccount(false)))
                .build();
    }
}
