package ru.smetabot.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.callbacks.Callback.HelpTopic;
import ru.smetabot.bot.invites.LinkStatus;
import ru.smetabot.bot.notifications.NotificationMode;
import ru.smetabot.bot.onboarding.Checklist;
import ru.smetabot.bot.telegram.FailureHints;

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
        for (FailureHints.Right right : FailureHints.Right.values()) {
            needed.add(right.messageKey());
        }
        // What a failed report is called in "⚠️ Telegram did not accept the …" (RoomReports, MemberReports).
        for (String report : List.of("chart", "file_chart", "files", "members", "acks", "members_chart")) {
            needed.add("reports.what." + report);
        }
        needed.addAll(ru.smetabot.bot.menu.MenuKeys.all());
        for (String language : List.of("ru", "en")) {
            assertThat(keys("messages_" + language)).as("messages_%s", language).containsAll(needed);
        }
    }

    /**
     * Every key the code names literally ({@code texts.get(locale, "ack.thanks", …)}) is in both languages: the
     * acknowledgement, archive, members-chart, onboarding and settings screens included.
     */
    @Test
    void everyKeyTheCodeNamesIsInBothLanguages() throws Exception {
        Pattern call = Pattern.compile("texts\\.get\\(\\s*[\\w.()]+\\s*,\\s*\"([a-z][\\w.]*)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // "help." + topic: the enums above cover those
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("the scan finds the features' keys").contains("ack.thanks", "ack.remind.done",
                "archive.confirm", "rename.done", "reports.members.caption", "onboarding.title", "settings.zone_saved");
        for (String language : List.of("ru", "en")) {
            Set<String> known = new TreeSet<>(keys("messages_" + language)); // Texts reads both bundles
            known.addAll(keys("miniapp_" + language));
            assertThat(known).as("messages_%s and miniapp_%s", language, language).containsAll(named);
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
