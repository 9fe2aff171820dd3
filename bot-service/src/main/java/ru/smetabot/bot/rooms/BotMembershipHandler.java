package ru.smetabot.bot.rooms;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
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
import ru.smetabot.model.contractors.ContractorRepository;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/**
 * my_chat_member: the bot became an admin of a channel → a new channel becomes a room of the user who did
 * it; a known one stays with its owner: only the owner, or the channel's creator (getChatAdministrators),
 * gets it back after the bot was removed, and nobody else's promotion changes its reading account. Anyone
 * else is told why and logged. The bot was removed or demoted → the room becomes inactive (history kept).
 */
@Component
class BotMembershipHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(BotMembershipHandler.class);
    private static final Set<String> GONE = Set.of("left", "kicked", "member", "restricted");

    private final Contractors contractors;
    private final ContractorRepository owners;
    private final RoomRepository rooms;
    private final RoomRegistry registry;
    private final BotGateway gateway;
    private final Texts texts;
    private final MeterRegistry meters;

    BotMembershipHandler(Contractors contractors, ContractorRepository owners, RoomRepository rooms, RoomRegistry registry,
            BotGateway gateway, Texts texts, MeterRegistry meters) {
        this.contractors = contractors;
        this.owners = owners;
        this.rooms = rooms;
        this.registry = registry;
        this.gateway = gateway;
        this.texts = texts;
        this.meters = meters;
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
            boolean wasAdmin = change.getOldChatMember() != null && "administrator".equals(change.getOldChatMember().getStatus());
            adopt(chat, change.getFrom(), wasAdmin);
        } else if (GONE.contains(status)) {
            if (registry.deactivate(chat.getId())) {
                log.info("Bot lost admin in channel {} (now {}); room deactivated", chat.getId(), status);
            } else {
                log.info("Bot lost admin in unknown channel {} (now {}); ignored", chat.getId(), status);
            }
        }
    }

    private void adopt(Chat chat, User by, boolean rightsChangeOnly) {
        if (by == null || Boolean.TRUE.equals(by.getIsBot())) {
            log.info("Bot made admin of channel {} by {}; not a person, ignored", chat.getId(), by == null ? null : by.getId());
            return;
        }
        String title = chat.getTitle() == null ? String.valueOf(chat.getId()) : chat.getTitle();
        Optional<Room> known = rooms.findByTgChatId(chat.getId());
        Optional<Contractor> owner = known.flatMap(r -> owners.findById(r.getContractorId()));
        if (known.isPresent() && owner.map(o -> o.getTgUserId() != by.getId()).orElse(true)) {
            if (!isCreator(chat.getId(), by.getId())) {
                refuse(known.get(), title, by, rightsChangeOnly);
                return;
            }
            Room room = registry.returnToCreator(chat.getId(), contractors.register(by).getId(), title, by.getId());
            outcome("returned_to_creator");
            log.info("Channel {}: room {} returned to the channel's creator {} (was contractor {})", chat.getId(), room.getId(),
                    by.getId(), known.get().getContractorId());
            tell(by, room, "rooms.adopted", title);
            return;
        }
        Contractor contractor = contractors.register(by);
        Room room = registry.record(contractor.getId(), chat.getId(), title, by.getId());
        outcome(known.isPresent() ? "returned_to_owner" : "adopted");
        log.info("Channel {} is room {} of contractor {} (bot made admin by {})", chat.getId(), room.getId(), contractor.getId(), by.getId());
        if (!rightsChangeOnly || known.map(Room::isDeleted).orElse(true)) {
            tell(by, room, "rooms.adopted", title);
        }
    }

    /** Someone who is neither the room's owner nor the channel's creator promoted the bot: nothing changes. */
    private void refuse(Room room, String title, User by, boolean rightsChangeOnly) {
        outcome("refused");
        log.warn("Channel {}: user {} made the bot an admin, but room {} belongs to contractor {} and {} is not the "
                + "channel's creator; the room stays {} with its owner and reading account", room.getTgChatId(), by.getId(),
                room.getId(), room.getContractorId(), by.getId(), room.isDeleted() ? "inactive" : "as it is");
        if (!rightsChangeOnly) {
            tell(by, room, "rooms.takeover_refused", title);
        }
    }

    /** The creator of the channel, by getChatAdministrators; false when Telegram cannot say. */
    private boolean isCreator(long chatId, long userId) {
        try {
            List<ChatMember> admins = gateway.execute(GetChatAdministrators.builder().chatId(chatId).build());
            return admins.stream().anyMatch(a -> "creator".equals(a.getStatus()) && a.getUser() != null
                    && a.getUser().getId() == userId);
        } catch (BotApiException e) {
            log.warn("Channel {}: could not read the administrators to find its creator ({}); treated as not the creator",
                    chatId, e.getMessage());
            return false;
        }
    }

    private void tell(User by, Room room, String key, String title) {
        try {
            gateway.send(by.getId(), Screen.text(texts.get(Texts.localeOf(by), key, Html.escape(title))));
        } catch (BotApiException e) {
            log.info("Could not tell user {} about room {}: {}", by.getId(), room.getId(), e.getMessage());
        }
    }

    private void outcome(String outcome) {
        meters.counter("smetabot.bot.rooms.adoptions", "outcome", outcome).increment();
    }
}
