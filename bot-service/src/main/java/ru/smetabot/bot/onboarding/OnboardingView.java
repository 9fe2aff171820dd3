package ru.smetabot.bot.onboarding;

import java.util.Locale;
import java.util.Optional;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

/** The checklist: each step ✅ or ⬜, and the first one not done as the button under it. */
final class OnboardingView {

    private OnboardingView() {
    }

    static Screen render(Checklist checklist, String miniAppUrl, Texts texts, Locale locale) {
        StringBuilder text = new StringBuilder(texts.get(locale, "onboarding.title"));
        for (Checklist.Item item : Checklist.Item.values()) {
            text.append('\n').append(checklist.done(item) ? "✅ " : "⬜ ").append(texts.get(locale, item.messageKey()));
        }
        Optional<Checklist.Item> next = checklist.next();
        if (next.isEmpty()) {
            return Screen.text(text.append("\n\n").append(texts.get(locale, "onboarding.all_done")).toString());
        }
        text.append("\n\n").append(texts.get(locale, "onboarding.next"));
        String label = texts.get(locale, "onboarding.button." + next.get().tag());
        Buttons keyboard = Buttons.inline().row(switch (next.get()) {
            case ACCOUNT -> Buttons.webApp(label, miniAppUrl);
            case ROOM -> Buttons.button(label, new Callback.StartNewRoom());
            case LINK -> Buttons.button(label, new Callback.LinkNew(checklist.roomId()));
            case FILE -> Buttons.button(label, new Callback.PublishHere(checklist.roomId()));
        });
        return new Screen(text.toString(), keyboard.build());
    }
}
