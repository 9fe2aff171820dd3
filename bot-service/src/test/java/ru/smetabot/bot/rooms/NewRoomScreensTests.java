package ru.smetabot.bot.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class NewRoomScreensTests {

    private static final String APP = "https://bot.example/miniapp/index.html";

    private final Texts texts = new Texts();

    @Test
    void notConnectedOffersToConnectInBothLanguages() {
        Screen ru = NewRoomFlow.notConnected(texts, Texts.RUSSIAN, APP);
        Screen en = NewRoomFlow.notConnected(texts, Texts.ENGLISH, APP);

        assertThat(ru.text()).startsWith("🔐 Чтобы создать канал, подключите свой Telegram-аккаунт");
        assertThat(ru.inlineKeyboard().getKeyboard().get(0).get(0).getText()).isEqualTo("🔐 Подключить аккаунт");
        assertThat(ru.inlineKeyboard().getKeyboard().get(0).get(0).getWebApp().getUrl()).isEqualTo(APP);
        assertThat(en.text()).startsWith("🔐 To create a channel, connect your Telegram account");
        assertThat(en.inlineKeyboard().getKeyboard().get(0).get(0).getText()).isEqualTo("🔐 Connect account");
    }
}
