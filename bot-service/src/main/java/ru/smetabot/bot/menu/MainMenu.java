package ru.smetabot.bot.menu;

import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

/** The main menu screens: a reply keyboard that stays under the chat. */
final class MainMenu {

    private MainMenu() {
    }

    static ReplyKeyboardMarkup keyboard(Texts texts, Locale locale) {
        return ReplyKeyboardMarkup.builder()
                .keyboard(List.of(
                        row(texts, locale, MenuAction.NEW_CHANNEL, MenuAction.MY_CHANNELS),
                        row(texts, locale, MenuAction.PUBLISH, MenuAction.LINKS),
                        row(texts, locale, MenuAction.HELP, MenuAction.SETTINGS)))
                .resizeKeyboard(true)
                .isPersistent(true)
                .build();
    }

    static Screen welcome(String firstName, Texts texts, Locale locale) {
        String name = firstName == null || firstName.isBlank() ? "" : ", " + ru.smetabot.bot.i18n.Html.escape(firstName);
        return new Screen(texts.get(locale, "start.welcome", name), keyboard(texts, locale));
    }

    /** The welcome; once every onboarding step is done ({@code setUp}) it says so instead of a checklist following. */
    static Screen welcome(String firstName, boolean setUp, Texts texts, Locale locale) {
        Screen welcome = welcome(firstName, texts, locale);
        return setUp ? new Screen(welcome.text() + "\n\n" + texts.get(locale, "onboarding.all_done"), welcome.keyboard()) : welcome;
    }

    static Screen withMenu(String key, Texts texts, Locale locale) {
        return new Screen(texts.get(locale, key), keyboard(texts, locale));
    }

    private static KeyboardRow row(Texts texts, Locale locale, MenuAction... actions) {
        KeyboardRow row = new KeyboardRow();
        for (MenuAction action : actions) {
            row.add(new KeyboardButton(texts.get(locale, action.key)));
        }
        return row;
    }
}
