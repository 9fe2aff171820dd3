package ru.smetabot.bot.menu;

import java.util.Arrays;
import java.util.Optional;
import ru.smetabot.bot.i18n.Texts;

/** The main menu's buttons; each label comes from the bundles, so a press is recognised in either language. */
enum MenuAction {
    NEW_CHANNEL("menu.new_channel"),
    MY_CHANNELS("menu.my_channels"),
    PUBLISH("menu.publish"),
    LINKS("menu.links"),
    HELP("menu.help"),
    SETTINGS("menu.settings");

    final String key;

    /** The bundle key of the button's label. */
    String messageKey() {
        return key;
    }

    MenuAction(String key) {
        this.key = key;
    }

    static Optional<MenuAction> of(String text, Texts texts) {
        if (text == null) {
            return Optional.empty();
        }
        String pressed = text.strip();
        return Arrays.stream(values())
                .filter(a -> pressed.equals(texts.get(Texts.RUSSIAN, a.key)) || pressed.equals(texts.get(Texts.ENGLISH, a.key)))
                .findFirst();
    }
}
