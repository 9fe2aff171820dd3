package ru.smetabot.bot.i18n;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Texts from the bundles {@code messages_ru.properties} (the default) and {@code messages_en.properties}, and the
 * account connection's {@code miniapp_ru/en.properties} (its Mini App page reads its texts from there too).
 * Pure: the same key, language and arguments always give the same text, so renderers stay testable.
 */
public final class Texts {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final ResourceBundleMessageSource bundles;

    public Texts() {
        bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("messages", "miniapp");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setDefaultLocale(RUSSIAN);
        bundles.setFallbackToSystemLocale(false);
        bundles.setAlwaysUseMessageFormat(true);
    }

    public String get(Locale locale, String key, Object... args) {
        return bundles.getMessage(key, args, locale);
    }

    /** Telegram languages whose speakers get the Russian texts (Russian, Ukrainian, Belarusian, Kazakh). */
    static final java.util.Set<String> RUSSIAN_READERS = java.util.Set.of("ru", "uk", "be", "kk");

    /**
     * Russian for ru/uk/be/kk (and when Telegram tells no language: most owners are Russian-speaking), English for
     * every other language — a German or Uzbek user reads English better than Russian more often than not.
     */
    public static Locale localeOf(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return RUSSIAN;
        }
        String language = languageCode.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return RUSSIAN_READERS.contains(language) ? RUSSIAN : ENGLISH;
    }

    public static Locale localeOf(User user) {
        return localeOf(user == null ? null : user.getLanguageCode());
    }
}
