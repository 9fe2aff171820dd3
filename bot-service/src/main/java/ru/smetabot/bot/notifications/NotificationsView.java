package ru.smetabot.bot.notifications;

import java.time.format.TextStyle;
import java.util.Locale;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

/** The "🔔 Уведомления" screen of a room: what each mode does, the current one marked ✅, and the way back. */
final class NotificationsView {

    private NotificationsView() {
    }

    static Screen render(long roomId, String title, NotificationMode current, DigestProperties digests, Texts texts, Locale locale) {
        String zone = digests.timeZone().getId();
        String text = texts.get(locale, "notify.title", Html.escape(title)) + "\n"
                + texts.get(locale, "notify.explain", digests.daily() + " (" + zone + ")",
                        digests.weeklyDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, locale),
                        digests.weekly() + " (" + zone + ")") + "\n\n"
                + texts.get(locale, "notify.current", label(current, texts, locale));
        Buttons keyboard = Buttons.inline();
        for (NotificationMode mode : NotificationMode.values()) {
            String label = label(mode, texts, locale);
            keyboard.row(Buttons.button(mode == current ? texts.get(locale, "notify.chosen", label) : label,
                    new Callback.NotifyMode(roomId, mode.dbValue())));
        }
        keyboard.row(Buttons.button(texts.get(locale, "notify.back"), new Callback.OpenCard(roomId, 0)));
        return new Screen(text, keyboard.build());
    }

    static String label(NotificationMode mode, Texts texts, Locale locale) {
        return texts.get(locale, mode.messageKey());
    }
}
