package ru.smetabot.bot.menu;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.account.Contractors;
import ru.smetabot.bot.archive.RenameInput;
import ru.smetabot.bot.channels.ChannelScreens;
import ru.smetabot.bot.channels.RoomSearch;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.invites.LinkNameInput;
import ru.smetabot.bot.invites.LinksMenu;
import ru.smetabot.bot.publishing.PublishFlow;
import ru.smetabot.bot.rooms.NewRoomFlow;
import ru.smetabot.bot.session.AccountCommands;
import ru.smetabot.bot.settings.SettingsScreens;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateKind;
import ru.smetabot.model.contractors.Contractor;

/** Private messages: /start, the menu's buttons, documents, and the title a flow asked for. */
@Component
class MessageRouter implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final Contractors contractors;
    private final Conversations conversations;
    private final NewRoomFlow newRoom;
    private final PublishFlow publish;
    private final ChannelScreens channels;
    private final RoomSearch search;
    private final LinkNameInput linkNames;
    private final LinksMenu linksMenu;
    private final BotGateway gateway;
    private final Texts texts;
    private final AccountCommands account;
    private final HelpScreens help;
    private final RenameInput rename;
    private final SettingsScreens settings;
    private final Commands commands;

    MessageRouter(Contractors contractors, Conversations conversations, NewRoomFlow newRoom, PublishFlow publish,
            ChannelScreens channels, RoomSearch search, LinkNameInput linkNames, LinksMenu linksMenu, BotGateway gateway,
            Texts texts, AccountCommands account, HelpScreens help, RenameInput rename, SettingsScreens settings,
            Commands commands) {
        this.rename = rename;
        this.settings = settings;
        this.commands = commands;
        this.contractors = contractors;
        this.conversations = conversations;
        this.newRoom = newRoom;
        this.publish = publish;
        this.channels = channels;
        this.search = search;
        this.linkNames = linkNames;
        this.linksMenu = linksMenu;
        this.gateway = gateway;
        this.texts = texts;
        this.account = account;
        this.help = help;
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.MESSAGE;
    }

    @Override
    public void handle(Update update) {
        Message message = update.getMessage();
        if (!message.isUserMessage() || message.getFrom() == null) {
            log.debug("Message in non-private chat {} ignored", message.getChatId());
            return;
        }
        Locale locale = Texts.localeOf(message.getFrom());
        long chatId = message.getChatId();
        Contractor contractor = contractors.register(message.getFrom());
        String text = message.hasText() ? message.getText().strip() : null;
        String command = command(text);
        if (command != null && commands.handle(command, chatId, contractor, message.getFrom().getFirstName(), locale)) {
            return;
        }
        if (message.hasDocument()) {
            publish.onDocument(chatId, contractor, message.getDocument(), locale);
            return;
        }
        MenuAction action = MenuAction.of(text, texts).orElse(null);
        if (action != null) {
            conversations.clear(contractor.getTgUserId());
            onMenu(action, chatId, contractor, locale);
        } else if (text == null || !(newRoom.onText(chatId, contractor, text, locale)
                || linkNames.onText(chatId, contractor, text, locale) || search.onText(chatId, contractor, text, locale)
                || rename.onText(chatId, contractor, text, locale))) {
            gateway.send(chatId, MainMenu.withMenu("unknown.text", texts, locale));
        }
    }

    /** "/start", "/help@smeta_bot payload" → "start", "help"; null for text that is not a command. */
    static String command(String text) {
        if (text == null || !text.startsWith("/") || text.length() < 2) {
            return null;
        }
        String first = text.substring(1).split("\\s", 2)[0];
        int at = first.indexOf('@');
        return (at < 0 ? first : first.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    private void onMenu(MenuAction action, long chatId, Contractor contractor, Locale locale) {
        switch (action) {
            case NEW_CHANNEL -> newRoom.start(chatId, contractor, locale);
            case MY_CHANNELS -> channels.sendRoomList(chatId, contractor, locale);
            case PUBLISH -> publish.start(chatId, contractor, locale);
            case LINKS -> linksMenu.sendRoomChooser(chatId, contractor, locale);
            case HELP -> help.send(chatId, locale);
            case SETTINGS -> settings.send(chatId, contractor, locale);
        }
    }
}
