package ru.smetabot.bot.menu;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.onboarding.Checklist;
import ru.smetabot.bot.onboarding.Onboarding;
import ru.smetabot.bot.session.AccountCommands;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.contractors.Contractor;

/**
 * The command menu's commands (set by {@code onboarding.CommandMenu}): /start (the welcome, and the checklist while
 * set-up is unfinished), /help, /account and /cancel. Each ends whatever the bot was waiting for.
 */
@Component
class Commands {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final Conversations conversations;
    private final Onboarding onboarding;
    private final AccountCommands account;
    private final HelpScreens help;
    private final BotGateway gateway;
    private final Texts texts;

    Commands(Conversations conversations, Onboarding onboarding, AccountCommands account, HelpScreens help,
            BotGateway gateway, Texts texts) {
        this.conversations = conversations;
        this.onboarding = onboarding;
        this.account = account;
        this.help = help;
        this.gateway = gateway;
        this.texts = texts;
    }

    /** False for a command the bot does not have (the text then goes where any text goes). */
    boolean handle(String command, long chatId, Contractor contractor, String firstName, Locale locale) {
        long user = contractor.getTgUserId();
        switch (command) {
            case "start" -> {
                conversations.clear(user);
                Checklist checklist = onboarding.progress(contractor);
                gateway.send(chatId, MainMenu.welcome(firstName, checklist.finished(), texts, locale));
                onboarding.sendIfUnfinished(chatId, contractor, checklist, locale);
            }
            case "help" -> {
                conversations.clear(user);
                help.send(chatId, locale);
            }
            case "account" -> {
                conversations.clear(user);
                account.show(chatId, user, locale);
            }
            case "cancel" -> cancel(chatId, user, locale);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void cancel(long chatId, long user, Locale locale) {
        boolean pending = conversations.peek(user).isPresent();
        conversations.clear(user);
        if (pending) {
            log.info("User {} cancelled the conversation in progress", user);
        }
        gateway.send(chatId, MainMenu.withMenu(pending ? "cancel.done" : "cancel.nothing", texts, locale));
    }
}
