package ru.smetabot.bot.invites;

import ru.smetabot.bot.telegram.WithinTelegramLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackCodec;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class LinksMenuTests {

    final Texts texts = new Texts();

    @Test
    void theMenuButtonOffersEachRoomLeadingToItsLinksScreen() {
        Screen screen = LinksMenu.chooser(List.of(LinksViewTests.room()), 0, texts, Texts.RUSSIAN);

        assertThat(screen.text()).contains("Выберите канал");
        var button = screen.inlineKeyboard().getKeyboard().get(0).get(0);
        assertThat(button.getText()).isEqualTo("📂 Кухня <Иванов>");
        assertThat(CallbackCodec.decode(button.getCallbackData())).contains(new Callback.Links(1L));
    }

    @Test
    void withoutRoomsItSaysHowToMakeOne() {
        Screen screen = LinksMenu.chooser(List.of(), 0, texts, Texts.ENGLISH);

        assertThat(screen.text()).contains("Create a channel first");
        assertThat(screen.keyboard()).isNull();
    }

    @Test
    void withMoreRoomsThanTheChooserShowsItSaysHowManyMoreAndWhereTheyAre() {
        List<ru.smetabot.model.rooms.Room> ten = java.util.Collections.nCopies(LinksMenu.ROOMS_TO_CHOOSE, LinksViewTests.room());

        Screen screen = LinksMenu.chooser(ten, 14, texts, Texts.ENGLISH);

        WithinTelegramLimits.assertWithin(screen);
        assertThat(screen.text()).endsWith("…and 14 more. Other channels: «📢 My channels» → channel → «🔗 Links».");
        assertThat(screen.inlineKeyboard().getKeyboard()).hasSize(10);
    }
}
