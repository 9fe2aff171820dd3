package ru.smetabot.bot.archive;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.SetChatTitle;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import ru.smetabot.bot.invites.InviteLinks;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.clients.Client;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRepository;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.invites.InviteLinkRepository;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/**
 * Archives, reopens and renames a room. Archiving asks Telegram first and records after: each usable link
 * is revoked (revokeChatInviteLink), and when the owner chose so each active client is removed with
 * banChatMember then unbanChatMember(only_if_banned) — Telegram's way to remove someone from a channel
 * without a lasting ban, so a client can come back by a new link after a reopen. A refused call does not
 * stop the rest: the room is archived anyway (its join requests are declined from now on, whatever Telegram
 * still accepts), and the first refusal is returned for the owner's hint. Counted in
 * {@code smetabot.bot.rooms.archived{outcome}}.
 */
@Service
public class RoomArchive {

    private static final Logger log = LoggerFactory.getLogger(RoomArchive.class);

    private final BotGateway gateway;
    private final RoomRepository rooms;
    private final InviteLinks links;
    private final InviteLinkRepository linkRepository;
    private final ClientRepository clients;
    private final ClientRegistry registry;
    private final EventLog events;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    RoomArchive(BotGateway gateway, RoomRepository rooms, InviteLinks links, InviteLinkRepository linkRepository,
            ClientRepository clients, ClientRegistry registry, EventLog events, MeterRegistry meters) {
        this.gateway = gateway;
        this.rooms = rooms;
        this.links = links;
        this.linkRepository = linkRepository;
        this.clients = clients;
        this.registry = registry;
        this.events = events;
        this.meters = meters;
    }

    /**
     * What archiving did.
     *
     * @param failure the first refusal by Telegram (null when every call went through): a link or a client
     *                is then left as it was in Telegram
     */
    public record Result(int linksRevoked, int linksFailed, int clientsRemoved, int clientsFailed,
            BotApiException failure) {

        public boolean complete() {
            return failure == null;
        }
    }

    public Result archive(Room room, boolean removeClients) {
        List<BotApiException> failures = new ArrayList<>();
        int revoked = 0;
        List<InviteLink> usable = linkRepository.findByRoomIdOrderByCreatedAtDesc(room.getId()).stream()
                .filter(l -> !l.isRevoked()).toList();
        for (InviteLink link : usable) {
            try {
                links.revoke(room, link.getId());
                revoked++;
            } catch (BotApiException e) {
                failures.add(e);
            }
        }
        int removed = 0;
        int notRemoved = 0;
        if (removeClients) {
            for (Client client : clients.findByRoomId(room.getId())) {
                if (client.getStatus() != ClientStatus.ACTIVE) {
                    continue;
                }
                try {
                    remove(room, client);
                    removed++;
                } catch (BotApiException e) {
                    failures.add(e);
                    notRemoved++;
                }
            }
        }
        room.archive(clock.instant());
        rooms.save(room);
        Result result = new Result(revoked, usable.size() - revoked, removed, notRemoved,
                failures.isEmpty() ? null : failures.get(0));
        events.record(EventType.ROOM_ARCHIVED, room.getId(), null, Map.of("links_revoked", revoked,
                "links_failed", result.linksFailed(), "clients_removed", removed, "clients_failed", notRemoved,
                "remove_clients", removeClients));
        meters.counter("smetabot.bot.rooms.archived", "outcome", result.complete() ? "archived" : "partial").increment();
        if (result.complete()) {
            log.info("Room {} archived: {} links revoked, {} clients removed (removal asked: {})", room.getId(), revoked,
                    removed, removeClients);
        } else {
            log.warn("Room {} archived with Telegram refusals: {} of {} links revoked, {} clients removed, {} not; "
                    + "first refusal: {}. Give the bot the rights \"Add members\" and \"Ban users\" and revoke the rest "
                    + "in Telegram", room.getId(), revoked, usable.size(), removed, notRemoved, result.failure().getMessage());
        }
        return result;
    }

    /** Back to the active list. Revoked links stay revoked: the owner makes new ones. */
    public void reopen(Room room) {
        room.reopen();
        rooms.save(room);
        events.record(EventType.ROOM_REOPENED, room.getId(), null, Map.of());
        meters.counter("smetabot.bot.rooms.reopened").increment();
        log.info("Room {} reopened from the archive", room.getId());
    }

    /**
     * Renames the channel in Telegram (setChatTitle, the bot needs can_change_info), then in the database;
     * a refusal is thrown and nothing changes. Telegram answering "chat title is not modified" counts as done.
     */
    public void rename(Room room, String title) {
        String before = room.getTitle();
        try {
            gateway.execute(SetChatTitle.builder().chatId(room.getTgChatId()).title(title).build());
        } catch (BotApiException e) {
            if (!e.isNotModified()) {
                meters.counter("smetabot.bot.rooms.renamed", "outcome", "refused").increment();
                if (e.lacksAdminRight()) {
                    log.warn("Room {}: rename refused, the bot lacks the right can_change_info (\"Change channel info\"); "
                            + "give it in the channel's admin settings. Telegram said: {}", room.getId(), e.description());
                } else {
                    log.warn("Room {}: rename not done, Telegram refused: {}", room.getId(), e.getMessage());
                }
                throw e;
            }
        }
        room.rename(title);
        rooms.save(room);
        events.record(EventType.ROOM_RENAMED, room.getId(), null, Map.of("from", before, "to", title));
        meters.counter("smetabot.bot.rooms.renamed", "outcome", "renamed").increment();
        log.info("Room {} renamed in Telegram and here", room.getId());
    }

    /**
     * The client is marked as gone before Telegram is asked: the chat_member updates the ban and the unban cause
     * then find a client who is no longer active, so the owner, who asked for the removal, gets no
     * "⛔ removed by an admin" notice per client. A refused ban puts the client back as active.
     */
    private void remove(Room room, Client client) {
        Instant now = clock.instant();
        boolean wasActive = registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.LEFT, now);
        try {
            gateway.execute(BanChatMember.builder().chatId(room.getTgChatId()).userId(client.getTgUserId()).build());
        } catch (BotApiException e) {
            if (wasActive) {
                registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.ACTIVE, now);
            }
            throw e;
        }
        if (wasActive) {
            events.record(EventType.CLIENT_LEAVE, room.getId(), client.getId(), Map.of("by", "archive"));
        }
        gateway.execute(UnbanChatMember.builder().chatId(room.getTgChatId()).userId(client.getTgUserId())
                .onlyIfBanned(true).build());
    }
}
