package ru.smetabot.bot.members;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.clients.Client;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRepository;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.rooms.Room;

/** Blocks (ban in Telegram, status banned) and unblocks (unban; status left, the link works again) a client. */
@Service
class ClientBlocking {

    private static final Logger log = LoggerFactory.getLogger(ClientBlocking.class);

    private final BotGateway gateway;
    private final ClientRepository clients;
    private final ClientRegistry registry;
    private final EventLog events;

    ClientBlocking(BotGateway gateway, ClientRepository clients, ClientRegistry registry, EventLog events) {
        this.gateway = gateway;
        this.clients = clients;
        this.registry = registry;
        this.events = events;
    }

    /** The room's client, or empty for an id from another room (callback data is untrusted). */
    Optional<Client> find(Room room, long clientId) {
        return clients.findById(clientId).filter(c -> c.getRoomId() == room.getId());
    }

    /**
     * An active client is marked banned before Telegram is asked: the chat_member update the ban causes then finds
     * the client no longer active, so the owner, who asked for the block, gets no "⛔ removed" notice for it (as
     * archiving does). A refused ban puts the client back as active.
     */
    void block(Room room, Client client) {
        Instant now = Instant.now();
        boolean wasActive = client.getStatus() == ClientStatus.ACTIVE;
        if (wasActive) {
            registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.BANNED, now);
        }
        try {
            call(room, "block", () -> gateway.execute(BanChatMember.builder().chatId(room.getTgChatId())
                    .userId(client.getTgUserId()).build()));
        } catch (RuntimeException e) {
            if (wasActive) {
                registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.ACTIVE, now);
            }
            throw e;
        }
        registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.BANNED, now);
        events.record(EventType.CLIENT_BANNED, room.getId(), client.getId(), Map.of("by", "owner"));
        log.info("Room {}: client {} blocked by the owner", room.getId(), client.getTgUserId());
    }

    void unblock(Room room, Client client) {
        call(room, "unblock", () -> gateway.execute(UnbanChatMember.builder().chatId(room.getTgChatId())
                .userId(client.getTgUserId()).onlyIfBanned(true).build()));
        registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.LEFT, Instant.now());
        events.record(EventType.CLIENT_UNBANNED, room.getId(), client.getId(), Map.of("by", "owner"));
        log.info("Room {}: client {} unblocked by the owner", room.getId(), client.getTgUserId());
    }

    private static void call(Room room, String action, Runnable request) {
        try {
            request.run();
        } catch (BotApiException e) {
            if (e.lacksAdminRight()) {
                log.warn("Room {}: cannot {} a client, the bot lacks the right can_restrict_members (\"Ban users\"): {}",
                        room.getId(), action, e.getMessage());
            }
            throw e;
        }
    }
}
