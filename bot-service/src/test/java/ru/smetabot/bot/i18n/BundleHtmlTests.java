package ru.smetabot.bot.i18n;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.smetabot.bot.telegram.WithinTelegramLimits;

/**
 * Every bot text, with its placeholders filled, is HTML Telegram accepts: only its tags, no bare
 * {@code <} or {@code &}, within 4096 characters (the strict sandbox answers anything else with
 * "can't parse entities").
 */
class BundleHtmlTests {

    private final Texts texts = new Texts();

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyTextIsHtmlTelegramAccepts(String language) throws Exception {
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/messages_" + language + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Locale locale = Locale.forLanguageTag(language);
        Object[] args = {"x", "x", "x", "x", "x", "x", "x", "x", "x", "x"};
        for (String key : bundle.stringPropertyNames()) {
            org.assertj.core.api.Assertions.assertThatCode(
                    () -> WithinTelegramLimits.assertText(texts.get(locale, key, args), 4096)).as(key).doesNotThrowAnyException();
        }
    }
}
