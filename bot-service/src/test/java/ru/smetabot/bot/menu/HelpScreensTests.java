package ru.smetabot.bot.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import ru.smetabot.bot.callbacks.Callback.Help;
import ru.smetabot.bot.callbacks.Callback.HelpTopic;
import ru.smetabot.bot.callbacks.CallbackCodec;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class HelpScreensTests {

    private final Texts texts = new Texts();

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void overviewOffersEveryScreenOnce(String language) {
        Screen screen = HelpScreens.screen(HelpTopic.OVERVIEW, texts, Locale.forLanguageTag(language));

        List<String> data = buttons(screen).stream().map(InlineKeyboardButton::getCallbackData).toList();
        assertThat(data).containsExactlyElementsOf(List.of(HelpTopic.values()).subList(1, HelpTopic.values().length)
                .stream().map(t -> CallbackCodec.encode(new Help(t))).toList());
        assertThat(screen.inlineKeyboard().getKeyboard()).allSatisfy(row -> assertThat(row).hasSizeLessThanOrEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(value = HelpTopic.class, mode = EnumSource.Mode.EXCLUDE, names = "OVERVIEW")
    void eachScreenIsAFewLinesInBothLanguagesWithAWayBack(HelpTopic topic) {
        for (Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
            Screen screen = HelpScreens.screen(topic, texts, locale);

            assertThat(screen.text()).startsWith(texts.get(locale, "help.topic." + topic.code).substring(0, 2))
                    .doesNotContain("''").hasSizeLessThan(700);
            assertThat(screen.text().split("\n")).hasSizeBetween(2, 5);
            assertThat(buttons(screen)).singleElement().extracting(InlineKeyboardButton::getCallbackData)
                    .isEqualTo("help:all");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void russianAndEnglishDiffer(String language) {
        Locale other = language.equals("ru") ? Texts.ENGLISH : Texts.RUSSIAN;
        assertThat(HelpScreens.screen(HelpTopic.CARD, texts, Locale.forLanguageTag(language)).text())
                .isNotEqualTo(HelpScreens.screen(HelpTopic.CARD, texts, other).text());
    }

    private static List<InlineKeyboardButton> buttons(Screen screen) {
        return screen.inlineKeyboard().getKeyboard().stream().flatMap(InlineKeyboardRow::stream).toList();
    }

    @ParameterizedTest
    @EnumSource(HelpTopic.class)
    void everyHelpScreenStaysWithinTelegramsLimitsInBothLanguages(HelpTopic topic) {
        for (Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
            ru.smetabot.bot.telegram.WithinTelegramLimits.assertWithin(HelpScreens.screen(topic, texts, locale));
        }
    }
}
