package ru.smetabot.bot.menu;

import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback.Help;
import ru.smetabot.bot.callbacks.Callback.HelpTopic;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;

/**
 * "❓ Помощь": a short overview with a button per screen; each button replaces the message with a few
 * lines about that screen and a way back. Texts live in messages_*.properties as {@code help.<topic>}.
 */
@Component
class HelpScreens implements CallbackHandler<Help> {

    private static final int TOPICS_PER_ROW = 2;

    private final BotGateway gateway;
    private final Texts texts;

    HelpScreens(BotGateway gateway, Texts texts) {
        this.gateway = gateway;
        this.texts = texts;
    }

    /** The menu button: a new message, since the reply keyboard's press has no message to edit. */
    void send(long chatId, Locale locale) {
        gateway.send(chatId, screen(HelpTopic.OVERVIEW, texts, locale));
    }

    @Override
    public Class<Help> type() {
        return Help.class;
    }

    @Override
    public void handle(CallbackContext context, Help callback) {
        context.answer(null);
        gateway.edit(context.chatId(), context.messageId(), screen(callback.topic(), texts, context.locale()));
    }

    static Screen screen(HelpTopic topic, Texts texts, Locale locale) {
        Buttons keyboard = Buttons.inline();
        if (topic != HelpTopic.OVERVIEW) {
            return new Screen(texts.get(locale, "help." + topic.code),
                    keyboard.row(Buttons.button(texts.get(locale, "help.back"), new Help(HelpTopic.OVERVIEW))).build());
        }
        HelpTopic[] topics = HelpTopic.values();
        for (int i = 1; i < topics.length; i += TOPICS_PER_ROW) {
            keyboard.row(IntStream.range(i, Math.min(i + TOPICS_PER_ROW, topics.length))
                    .mapToObj(t -> Buttons.button(texts.get(locale, "help.topic." + topics[t].code), new Help(topics[t])))
                    .toList());
        }
        return new Screen(texts.get(locale, "help.intro"), keyboard.build());
    }
}
