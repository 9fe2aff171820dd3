package ru.smetabot.bot.joinrequests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.Verdict;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRegistry.NewClient;
import ru.smetabot.model.clients.ClientRegistry.Registration;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/**
 * One join request, from the update or the sweep, decided the same way: room by chat id, link by its
 * URL, policy, approve or decline in Telegram, client and counters, events, owner's message.
 * The decision, the Telegram call and the bookkeeping share one transaction holding the link's row
 * lock, so a limit of 1 admits one person and a failed call leaves nothing counted (the request
 * stays pending for the sweep). Redeliveries find the client already active and change nothing.
 */
@Service
public class JoinRequestService {

    private static final Logger log = LoggerFactory.getLogger(JoinRequestService.class);

    private final RoomRepository rooms;
    private final JoinRequestStore store;
    private final ClientRegistry clients;
    private final EventLog events;
    private final JoinRequestTelegram telegram;
    private final OwnerNotices notices;
    private final JoinRequestMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    JoinRequestService(RoomRepository rooms, JoinRequestStore store, ClientRegistry clients, EventLog events,
            JoinRequestTelegram telegram, OwnerNotices notices, JoinRequestMetrics metrics, TransactionTemplate tx) {
        this.rooms = rooms;
        this.store = store;
        this.clients = clients;
        this.events = events;
        this.telegram = telegram;
        this.notices = notices;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    /** What became of a request; {@code APPROVED} and {@code DECLINED} are the ones that changed something. */
    public enum Outcome { APPROVED, DECLINED, DUPLICATE, UNKNOWN_ROOM, UNKNOWN_LINK, FAILED }

    public record Result(Outcome outcome, Verdict verdict, LinkState link, long clientId) {
    }

    public Result handle(JoinRequest request) {
        Optional<Room> room = rooms.findByTgChatId(request.chatId()).filter(r -> !r.isDeleted());
        if (room.isEmpty()) {
            log.info("Join request of user {} to chat {}: not a room of ours; left pending", request.userId(), request.chatId());
            return finish(request, null, new Result(Outcome.UNKNOWN_ROOM, null, null, 0));
        }
        Result result;
        try {
            result = tx.execute(status -> decide(room.get(), request));
        } catch (BotApiException e) {
            if (JoinRequestTelegram.lacksRights(e)) {
                log.warn("Room {}: the bot lacks the right can_invite_users (\"Add members\"), so join requests stay pending: {}",
                        room.get().getId(), e.getMessage());
            } else {
                log.warn("Room {}: join request of user {} not decided, it stays pending for the sweep: {}",
                        room.get().getId(), request.userId(), e.getMessage());
            }
            return finish(request, room.get(), new Result(Outcome.FAILED, null, null, 0));
        }
        return finish(request, room.get(), result);
    }

    private Result decide(Room room, JoinRequest request) {
        Optional<LinkState> locked = request.inviteLink() == null ? Optional.empty() : store.lockLink(request.inviteLink());
        if (locked.isEmpty() || locked.get().roomId() != room.getId()) {
            return new Result(Outcome.UNKNOWN_LINK, null, null, 0);
        }
        LinkState link = locked.get();
        ClientStatus previous = store.lockClient(room.getId(), request.userId()).orElse(null);
        Verdict verdict = JoinRequestPolicy.decide(link, previous, clock.instant());
        if (!verdict.approves()) {
            boolean ours = telegram.decline(request.chatId(), request.userId());
            if (!ours) {
                return new Result(Outcome.DUPLICATE, verdict, link, 0);
            }
            store.countDeclined(link.id());
            events.record(EventType.JOIN_REQUEST_DECLINED, room.getId(), null, Map.of("invite_id", link.id(),
                    "tg_user_id", request.userId(), "reason", verdict.tag()));
            return new Result(Outcome.DECLINED, verdict, link, 0);
        }
        boolean ours = telegram.approve(request.chatId(), request.userId());
        Registration registration = clients.register(new NewClient(room.getId(), link.id(), request.userId(),
                request.username(), request.fullName(), ClientStatus.ACTIVE, clock.instant()));
        // Our approval admitted them, or someone else's did and we had not recorded it: count once.
        boolean newlyActive = verdict == Verdict.APPROVE
                && (ours || registration.newlyRegistered() || (previous != null && previous != ClientStatus.ACTIVE));
        if (!newlyActive) {
            return new Result(Outcome.DUPLICATE, verdict, link, registration.clientId());
        }
        store.countApproved(link.id());
        Map<String, Object> details = Map.of("invite_id", link.id(), "tg_user_id", request.userId(),
                "source", request.source().name().toLowerCase(java.util.Locale.ROOT));
        events.record(EventType.CLIENT_JOIN, room.getId(), registration.clientId(), details);
        events.record(EventType.INVITE_USED, room.getId(), registration.clientId(), details);
        return new Result(Outcome.APPROVED, verdict, link, registration.clientId());
    }

    private Result finish(JoinRequest request, Room room, Result result) {
        String tag = result.outcome() == Outcome.DECLINED ? "declined_" + result.verdict().tag()
                : result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        metrics.handled(request.source(), tag);
        if (result.outcome() == Outcome.APPROVED) {
            metrics.approvalLatency(request.source(), request.requestedAt() == null ? Duration.ZERO
                    : Duration.between(request.requestedAt(), clock.instant()));
        }
        if (room != null && (result.outcome() == Outcome.APPROVED || result.outcome() == Outcome.DECLINED)) {
            log.info("Room {}, link «{}»: join request of user {} {} ({}, via {})", room.getId(), result.link().name(),
                    request.userId(), result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    result.verdict().tag(), request.source().name().toLowerCase(java.util.Locale.ROOT));
            notices.tellOwner(room, request, result);
        } else if (room != null && result.outcome() == Outcome.UNKNOWN_LINK) {
            log.info("Room {}: join request of user {} through a link we did not create ({}); left for the owner",
                    room.getId(), request.userId(), request.inviteLink());
        }
        return result;
    }

    /** When the request was made, for the latency metric. */
    static Instant at(Integer epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
