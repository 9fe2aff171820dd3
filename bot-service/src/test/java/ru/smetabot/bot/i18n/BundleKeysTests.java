package ru.smetabot.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.callbacks.Callback.HelpTopic;
import ru.smetabot.bot.invites.LinkStatus;
import ru.smetabot.bot.notifications.NotificationMode;
import ru.smetabot.bot.onboarding.Checklist;

/**
 * The Russian and English bundles have the same keys (a key missing in one would show the other language, or the
 * key itself), and every enum value shown to users has its key in both.
 */
class BundleKeysTests {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "miniapp"})
    void bothLanguagesHaveTheSameKeys(String bundle) throws Exception {
        Set<String> russian = keys(bundle + "_ru");
        Set<String> english = keys(bundle + "_en");

        assertThat(english).as("keys only in %s_ru", bundle).containsAll(russian);
        assertThat(russian).as("keys only in %s_en", bundle).containsAll(english);
    }

    @Test
    void everyEnumValueShownToUsersHasItsKey() throws Exception {
        List<String> needed = new ArrayList<>();
        for (HelpTopic topic : HelpTopic.values()) {
            if (topic != HelpTopic.OVERVIEW) { // the overview is help.intro
                needed.add("help." + topic.code);
                needed.add(topic.messageKey());
            }
        }
        for (NotificationMode mode : NotificationMode.values()) {
            needed.add(mode.messageKey());
        }
        for (LinkStatus status : LinkStatus.values()) {
            needed.add(status.messageKey());
        }
        for (Checklist.Item item : Checklist.Item.values()) {
            needed.add(item.messageKey());
            needed.add("onboarding.button." + item.tag());
        }
        needed.addAll(ru.smetabot.bot.menu.MenuKeys.all());
        for (String language : List.of("ru", "en")) {
            assertThat(keys("messages_" + language)).as("messages_%s", language).containsAll(needed);
        }
    }

    private Set<String> keys(String name) throws Exception {
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/" + name + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return bundle.stringPropertyNames();
    }
}
