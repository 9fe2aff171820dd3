package ru.smetabot.bot.menu;

import java.util.Arrays;
import java.util.List;

/** The main menu's bundle keys, for tests in other packages (MenuAction stays package-private). */
public final class MenuKeys {

    private MenuKeys() {
    }

    public static List<String> all() {
        return Arrays.stream(MenuAction.values()).map(MenuAction::messageKey).toList();
    }
}
