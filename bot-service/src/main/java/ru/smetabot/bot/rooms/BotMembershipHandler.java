package ru.smetabot.bot.rooms;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import ru.smetabot.bot.account.Contractors;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateKind;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;

/**
 * my_chat_member: the bot became an admin of a channel → the channel is a room of the user who
 * did it; the bot was removed or demoted → the room becomes inactive (history kept).
 */
@Component
class BotMembershipHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(BotMembershipHandler.class);
    private static final Set<String> GONE = Set.of("left", "kicked", "member", "restricted");

    private final Contractors contractors;
    private final RoomRegistry registry;
    private final BotGateway gateway;
    private final Texts texts;

    BotMembershipHandler(Contractors contractors, RoomRegistry registry, BotGateway gateway, Texts texts) {
        this.contractors = contractors;
        this.registry = registry;
        this.gateway = gateway;
        this.texts = texts;
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.MY_CHAT_MEMBER;
    }

    @Override
    public void handle(Update update) {
        ChatMemberUpdated change = update.getMyChatMember();
        Chat chat = change.getChat();
        if (!chat.isChannelChat()) {
            log.info("Bot membership changed in non-channel chat {} ({}); ignored", chat.getId(), chat.getType());
            return;
        }
        String status = change.getNewChatMember().getStatus();
        if ("administrator".equals(status)) {
            adopt(chat, change.getFrom());
        } else if (GONE.contains(status)) {
            if (registry.deactivate(chat.getId())) {
                log.info("Bot lost admin in channel {} (now {}); room deactivated", chat.getId(), status);
            } else {
                log.info("Bot lost admin in unknown channel {} (now {}); ignored", chat.getId(), status);
            }
        }
    }

    private void adopt(Chat chat, User by) {
        if (by == null || Boolean.TRUE.equals(by.getIsBot())) {
            log.info("Bot made admin of channel {} by {}; not a person, ignored", chat.getId(), by == null ? null : by.getId());
            return;
        }
        Contractor owner = contractors.register(by);
        String title = chat.getTitle() == null ? String.valueOf(chat.getId()) : chat.getTitle();
        Room room = registry.record(owner.getId(), chat.getId(), title, by.getId());
        log.info("Channel {} is room {} of contractor {} (bot made admin by {})", chat.getId(), room.getId(), owner.getId(), by.getId());
        try {
            gateway.send(by.getId(), Screen.text(texts.get(Texts.localeOf(by), "rooms.adopted", Html.escape(title))));
        } catch (BotApiException e) {
            log.info("Could not tell user {} about room {}: {}", by.getId(), room.getId(), e.getMessage());
        }
    }
}
