package ru.smetabot.bot.onboarding;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.TelegramLimits;

/**
 * The bot's command menu (the "/" button in Telegram), set at start-up: English as the default list (no
 * language_code: every language without a list of its own) and Russian for the languages that get Russian texts
 * ({@link Texts#localeOf}). Setting it again on every start is harmless (Telegram replaces the list) and keeps it in
 * step with the bundles. A failure is logged and the bot runs on: the commands work typed, menu or not.
 */
@Component
class CommandMenu {

    static final List<String> COMMANDS = List.of("start", "help", "account", "cancel");
    /** Telegram languages given the Russian list (the same as {@link Texts#localeOf} reads in Russian). */
    static final List<String> RUSSIAN_LANGUAGES = List.of("ru", "uk", "be", "kk");

    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

    private final BotGateway gateway;
    private final Texts texts;

    CommandMenu(BotGateway gateway, Texts texts) {
        this.gateway = gateway;
        this.texts = texts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        try {
            gateway.execute(SetMyCommands.builder().commands(commands(Texts.ENGLISH)).build());
            for (String language : RUSSIAN_LANGUAGES) {
                gateway.execute(SetMyCommands.builder().commands(commands(Texts.RUSSIAN)).languageCode(language).build());
            }
            log.info("Command menu set: /{} (default English; Russian for {})", String.join(", /", COMMANDS), RUSSIAN_LANGUAGES);
        } catch (BotApiException e) {
            log.warn("Command menu not set ({}); the commands still work when typed. Check BOT_TOKEN / TELEGRAM_API_URL",
                    e.getMessage());
        }
    }

    List<BotCommand> commands(Locale locale) {
        List<BotCommand> commands = COMMANDS.stream()
                .map(command -> new BotCommand(command, texts.get(locale, "commands." + command))).toList();
        commands.forEach(CommandMenu::check);
        return commands;
    }

    private static void check(BotCommand command) {
        if (!TelegramLimits.COMMAND.matcher(command.getCommand()).matches() || command.getDescription().isBlank()
                || command.getDescription().length() > TelegramLimits.MAX_COMMAND_DESCRIPTION) {
            throw new IllegalStateException("Command " + command + " breaks Telegram's limits");
        }
    }
}
