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

    /** English for users whose Telegram is in English, Russian for everyone else. */
    public static Locale localeOf(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : RUSSIAN;
    }

    public static Locale localeOf(User user) {
        return localeOf(user == null ? null : user.getLanguageCode());
    }
}
