package ru.smetabot.bot.invites;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.RevokeChatInviteLink;
import org.telegram.telegrambots.meta.api.objects.ChatInviteLink;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.invites.InviteLinkRepository;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;

/** Creates, lists and revokes a room's join-request links, in Telegram and in {@code core.invites}. */
@Service
public class InviteLinks {

    private static final Logger log = LoggerFactory.getLogger(InviteLinks.class);

    private final BotGateway gateway;
    private final InviteLinkRepository repository;
    private final EventLog events;
    private final UserbotApi userbot;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    InviteLinks(BotGateway gateway, InviteLinkRepository repository, EventLog events, UserbotApi userbot, MeterRegistry meters) {
        this.gateway = gateway;
        this.repository = repository;
        this.events = events;
        this.userbot = userbot;
        this.meters = meters;
    }

    /** Creates the link in Telegram (no member_limit: Telegram forbids it with join requests) and records it. */
    public InviteLink create(Room room, LinkOptions options) {
        Instant expiresAt = options.expiresAt(clock.instant());
        CreateChatInviteLink request = CreateChatInviteLink.builder().chatId(room.getTgChatId()).name(options.name())
                .createsJoinRequest(true).expireDate(expiresAt == null ? null : (int) expiresAt.getEpochSecond()).build();
        ChatInviteLink created;
        try {
            created = gateway.execute(request);
        } catch (BotApiException e) {
            warnIfNoRight(room, options.name(), e);
            throw e;
        }
        InviteLink link = repository.save(new InviteLink(room.getId(), created.getInviteLink(), options.name(), true,
                options.limit(), expiresAt));
        events.record(EventType.INVITE_CREATED, room.getId(), null, Map.of("invite_id", link.getId(),
                "approvals_limit", options.approvalsLimit(), "expiry_days", options.expiryDays()));
        meters.counter("smetabot.invites", "action", "created").increment();
        log.info("Room {}: link «{}» created (limit {}, expires {})", room.getId(), link.getName(),
                options.limit() == null ? "none" : options.limit(), expiresAt == null ? "never" : expiresAt);
        return link;
    }

    /** Revokes in Telegram, then marks it in the database; a link Telegram no longer knows is revoked anyway. */
    public Optional<InviteLink> revoke(Room room, long linkId) {
        Optional<InviteLink> found = find(room, linkId);
        if (found.isEmpty() || found.get().isRevoked()) {
            return found;
        }
        InviteLink link = found.get();
        try {
            gateway.execute(RevokeChatInviteLink.builder().chatId(room.getTgChatId()).inviteLink(link.getLink()).build());
        } catch (BotApiException e) {
            if (!e.isInviteLinkGone()) {
                warnIfNoRight(room, link.getName(), e);
                throw e;
            }
        }
        link.revoke(clock.instant());
        repository.save(link);
        events.record(EventType.INVITE_REVOKED, room.getId(), null, Map.of("invite_id", link.getId()));
        meters.counter("smetabot.invites", "action", "revoked").increment();
        log.info("Room {}: link «{}» revoked", room.getId(), link.getName());
        return Optional.of(link);
    }

    public Optional<InviteLink> find(Room room, long linkId) {
        return repository.findById(linkId).filter(l -> l.getRoomId() == room.getId());
    }

    /**
     * One page of the room's links: the usable ones (active first, then full, then expired; newest first
     * within each), or the revoked ones, newest first. Pending counts are read through the userbot only
     * for the links on the page. A room has tens of links, not thousands, so they are sorted here rather
     * than by a query per order.
     */
    public LinkPage page(Room room, boolean revoked, int page) {
        Instant now = clock.instant();
        List<InviteLink> all = repository.findByRoomIdOrderByCreatedAtDesc(room.getId());
        List<InviteLink> kind = all.stream().filter(l -> l.isRevoked() == revoked)
                .sorted(java.util.Comparator.comparing(l -> LinkStatus.of(l, now))).toList();
        int pages = Pager.pages(kind.size(), LinkPage.PER_PAGE);
        int shown = Pager.clamp(page, pages);
        List<LinkLine> lines = kind.stream().skip((long) shown * LinkPage.PER_PAGE).limit(LinkPage.PER_PAGE)
                .map(link -> line(room, link, LinkStatus.of(link, now))).toList();
        return new LinkPage(lines, revoked, shown, pages, kind.size(), all.size() - kind.size());
    }

    public LinkLine line(Room room, InviteLink link) {
        return line(room, link, LinkStatus.of(link, clock.instant()));
    }

    private LinkLine line(Room room, InviteLink link, LinkStatus status) {
        return new LinkLine(link, status, status == LinkStatus.REVOKED ? Integer.valueOf(0) : pending(room, link));
    }

    private Integer pending(Room room, InviteLink link) {
        if (room.getUserbotAccountId() == null) {
            return null;
        }
        try {
            return userbot.joinRequests(new JoinRequestsRequest(room.getUserbotAccountId(), room.getTgChatId(),
                    link.getLink(), null, 1)).totalCount();
        } catch (UserbotException e) {
            log.debug("Room {}: pending count of link {} unknown: {}", room.getId(), link.getId(), e.getMessage());
            return null;
        }
    }

    private static void warnIfNoRight(Room room, String linkName, BotApiException e) {
        if (e.lacksAdminRight()) {
            log.warn("Room {}, link «{}»: the bot lacks the right can_invite_users (\"Add members\"); "
                    + "give it in the channel's admin settings. Telegram said: {}", room.getId(), linkName, e.description());
        } else {
            log.warn("Room {}, link «{}»: Telegram refused: {}", room.getId(), linkName, e.getMessage());
        }
    }
}
