package ru.smetabot.bot.settings;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

/** The "⚙️ Настройки" screens: the overview, the zone list (paged, the current one ✅) and the digest hours. */
final class SettingsView {

    static final int ZONES_PER_PAGE = 8;
    private static final int HOURS_PER_ROW = 6;

    private SettingsView() {
    }

    /** {@code chosen}: the owner's zone, null when they never chose (then {@code zone} is the default). */
    static Screen overview(ZoneId zone, boolean chosen, LocalTime digestTime, Instant now, Texts texts, Locale locale) {
        String label = TimeZones.label(zone, now);
        String zoneText = chosen ? label : texts.get(locale, "settings.zone_default", label);
        return new Screen(texts.get(locale, "settings.title", zoneText, digestTime.toString()), Buttons.inline()
                .row(Buttons.button(texts.get(locale, "settings.zone_button"), new Callback.ZonePage(page(zone))))
                .row(Buttons.button(texts.get(locale, "settings.digest_button"), new Callback.DigestHours()))
                .build());
    }

    static Screen zones(int page, ZoneId current, Instant now, Texts texts, Locale locale) {
        int pages = Pager.pages(TimeZones.ALL.size(), ZONES_PER_PAGE);
        int shown = Pager.clamp(page, pages);
        Buttons keyboard = Buttons.inline();
        for (int i = shown * ZONES_PER_PAGE; i < Math.min(TimeZones.ALL.size(), (shown + 1) * ZONES_PER_PAGE); i++) {
            ZoneId zone = TimeZones.ALL.get(i);
            String label = TimeZones.label(zone, now);
            keyboard.row(Buttons.button(zone.equals(current) ? texts.get(locale, "settings.chosen", label) : label,
                    new Callback.ZoneChoice(i)));
        }
        keyboard.row(Pager.row(shown, pages, Callback.ZonePage::new, texts, locale));
        keyboard.row(Buttons.button(texts.get(locale, "settings.back"), new Callback.Settings()));
        return new Screen(texts.get(locale, "settings.zone_title", TimeZones.label(current, now)), keyboard.build());
    }

    static Screen hours(LocalTime current, ZoneId zone, Texts texts, Locale locale) {
        Buttons keyboard = Buttons.inline();
        List<InlineKeyboardButton> row = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            String label = String.format(Locale.ROOT, "%02d:00", hour);
            row.add(Buttons.button(hour == current.getHour() && current.getMinute() == 0 ? "✅" + label : label,
                    new Callback.DigestHour(hour)));
            if (row.size() == HOURS_PER_ROW) {
                keyboard.row(row);
                row = new ArrayList<>();
            }
        }
        keyboard.row(Buttons.button(texts.get(locale, "settings.back"), new Callback.Settings()));
        return new Screen(texts.get(locale, "settings.digest_title", current.toString(), zone.getId()), keyboard.build());
    }

    /** The zone list page that shows {@code zone} (the first page for a zone not in the list). */
    static int page(ZoneId zone) {
        int index = TimeZones.ALL.indexOf(zone);
        return index < 0 ? 0 : index / ZONES_PER_PAGE;
    }
}
