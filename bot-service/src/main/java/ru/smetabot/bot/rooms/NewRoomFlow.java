package ru.smetabot.bot.rooms;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.account.ConnectedAccounts;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.channels.ChannelScreens;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.conversation.Step;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.FailureHints;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.CreatedRoom;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotRejectedException;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/**
 * "🆕 Новый канал": check the account is connected, ask for the title, then the userbot creates the
 * channel with the contractor's own account and makes the bot an admin; the room is recorded and
 * its card shown. The title step is taken once, and one creation per contractor runs at a time,
 * so a double tap or a resent title cannot make two channels.
 */
@Service
public class NewRoomFlow {

    static final int MAX_TITLE = 128;

    private static final Logger log = LoggerFactory.getLogger(NewRoomFlow.class);

    private final ConnectedAccounts accounts;
    private final UserbotApi userbot;
    private final RoomRegistry registry;
    private final Conversations conversations;
    private final ChannelScreens screens;
    private final BotGateway gateway;
    private final Texts texts;
    private final FailureHints hints;
    private final long botUserId;
    private final String miniAppUrl;
    private final Set<Long> creating = ConcurrentHashMap.newKeySet();

    public NewRoomFlow(ConnectedAccounts accounts, UserbotApi userbot, RoomRegistry registry, Conversations conversations,
            ChannelScreens screens, BotGateway gateway, Texts texts, BotProperties properties, FailureHints hints) {
        this.hints = hints;
        this.accounts = accounts;
        this.userbot = userbot;
        this.registry = registry;
        this.conversations = conversations;
        this.screens = screens;
        this.gateway = gateway;
        this.texts = texts;
        this.botUserId = properties.botUserId();
        this.miniAppUrl = properties.miniAppUrl();
    }

    public void start(long chatId, Contractor contractor, Locale locale) {
        try {
            if (!accounts.isConnected(contractor.getTgUserId())) {
                conversations.expect(contractor.getTgUserId(), new Step.AwaitingAccount());
                gateway.send(chatId, notConnected(texts, locale, miniAppUrl));
                return;
            }
        } catch (UserbotException e) {
            log.warn("Session status for {} unavailable: {}", contractor.getTgUserId(), e.getMessage());
            gateway.send(chatId, Screen.text(texts.get(locale, "rooms.userbot_down")));
            return;
        }
        conversations.expect(contractor.getTgUserId(), new Step.AwaitingTitle());
        gateway.send(chatId, Screen.text(texts.get(locale, "rooms.ask_title")));
    }

    /**
     * The account of {@code tgUserId} was just connected (Mini App login): if they had pressed "🆕 Новый канал" before,
     * the title is asked for now, in their private chat. True when it was.
     */
    public boolean resumeAfterConnect(long tgUserId, Locale locale) {
        if (conversations.take(tgUserId, Step.AwaitingAccount.class).isEmpty()) {
            return false;
        }
        conversations.expect(tgUserId, new Step.AwaitingTitle());
        gateway.send(tgUserId, Screen.text(texts.get(locale, "rooms.resume_title")));
        log.info("Account {} connected with a new room pending: asked for its title", tgUserId);
        return true;
    }

    /** True when the user was asked for a title and this text was taken as it. */
    public boolean onText(long chatId, Contractor contractor, String text, Locale locale) {
        long user = contractor.getTgUserId();
        if (conversations.peek(user).filter(Step.AwaitingTitle.class::isInstance).isEmpty()) {
            return false;
        }
        String title = text == null ? "" : text.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            gateway.send(chatId, Screen.text(texts.get(locale, "rooms.title_invalid", MAX_TITLE)));
            return true;
        }
        if (conversations.take(user, Step.AwaitingTitle.class).isEmpty() || !creating.add(user)) {
            gateway.send(chatId, Screen.text(texts.get(locale, "rooms.in_progress")));
            return true;
        }
        try {
            create(chatId, contractor, title, locale);
        } finally {
            creating.remove(user);
        }
        return true;
    }

    private void create(long chatId, Contractor contractor, String title, Locale locale) {
        Message progress = gateway.send(chatId, Screen.text(texts.get(locale, "rooms.creating", Html.escape(title))));
        long account = contractor.getTgUserId();
        try {
            CreatedRoom created = userbot.createRoom(new CreateRoomRequest(account, title, null));
            Room room = registry.record(contractor.getId(), created.chatId(), title, account);
            log.info("Room {} (chat {}) created for contractor {}", room.getId(), created.chatId(), contractor.getId());
            try {
                userbot.addBotAdmin(new AddBotAdminRequest(account, created.chatId(), botUserId, null, null));
            } catch (UserbotException e) {
                log.warn("Room {} created but the bot was not made admin: {}", room.getId(), e.getMessage());
                gateway.edit(chatId, progress.getMessageId(), Screen.text(texts.get(locale, "rooms.admin_failed", Html.escape(title))));
                return;
            }
            screens.editCard(chatId, progress.getMessageId(), room, 0, null, locale);
        } catch (UserbotFloodWaitException e) {
            gateway.edit(chatId, progress.getMessageId(), Screen.text(texts.get(locale, "rooms.flood_wait", e.retryAfter().toSeconds())));
        } catch (UserbotRejectedException e) {
            log.warn("Userbot refused to create room '{}' for {}: {}", title, account, e.getMessage());
            gateway.edit(chatId, progress.getMessageId(), e.isNotAuthorized() ? notConnected(texts, locale, miniAppUrl)
                    : Screen.text(texts.get(locale, "rooms.create_failed", Html.escape(hints.hint(locale, e)))));
        } catch (UserbotUnavailableException e) {
            log.warn("Userbot unavailable while creating room for {}: {}", account, e.getMessage());
            gateway.edit(chatId, progress.getMessageId(), Screen.text(texts.get(locale, "rooms.userbot_down")));
        }
    }

    /** "🔐 Подключить аккаунт" opens the Mini App login page ({@code ru.smetabot.bot.session}). */
    public static Screen notConnected(Texts texts, Locale locale, String miniAppUrl) {
        return new Screen(texts.get(locale, "rooms.not_connected"), Buttons.inline()
                .row(Buttons.webApp(texts.get(locale, "rooms.connect_button"), miniAppUrl)).build());
    }
}
