package ru.smetabot.bot.members;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.smetabot.bot.jobs.OncePerPeriod;
import ru.smetabot.model.clients.Client;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRegistry.NewClient;
import ru.smetabot.model.clients.ClientRepository;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.userbotapi.MembersPage;
import ru.smetabot.userbotapi.MembersRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;

/**
 * Compares each room's members, as the owner's account lists them (userbot {@code /rooms/members}), with our
 * clients, every {@code MEMBER_RECONCILE_INTERVAL}: a subscriber we have not recorded as active (their
 * chat_member update was lost, e.g. it came while the bot could not store it) is recorded, with a join event
 * marked {@code source=reconciliation}. Leaves are inferred only when the whole list was read (Telegram lists
 * at most some thousands of a channel's subscribers) and only for clients unchanged since the list was read.
 */
@Component
public class MemberReconciliation {

    private static final Logger log = LoggerFactory.getLogger(MemberReconciliation.class);
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 50;

    private final RoomRepository rooms;
    private final ClientRepository clients;
    private final ClientRegistry registry;
    private final EventLog events;
    private final UserbotApi userbot;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final OncePerPeriod jobs;
    private final Duration interval;

    MemberReconciliation(RoomRepository rooms, ClientRepository clients, ClientRegistry registry, EventLog events,
            UserbotApi userbot, TransactionTemplate tx, MeterRegistry meters, OncePerPeriod jobs,
            @Value("${smetabot.bot.member-reconcile-interval:PT30M}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.rooms = rooms;
        this.clients = clients;
        this.registry = registry;
        this.events = events;
        this.userbot = userbot;
        this.tx = tx;
        this.meters = meters;
    }

    /** What a pass found: members recorded as joined, clients marked as left, rooms the userbot could not read. */
    public record Report(int rooms, int joined, int left, int failedRooms) {
    }

    /** Scheduled on every instance; one of them runs it per interval ({@link OncePerPeriod}). */
    @Scheduled(initialDelayString = "${smetabot.bot.member-reconcile-interval:PT30M}",
            fixedDelayString = "${smetabot.bot.member-reconcile-interval:PT30M}")
    void reconcileQuietly() {
        try {
            jobs.run("member-reconciliation", interval, this::reconcile);
        } catch (RuntimeException e) {
            log.warn("Member reconciliation failed ({}); the next one retries", e.toString());
        }
    }

    public synchronized Report reconcile() {
        int read = 0;
        int joined = 0;
        int left = 0;
        int failed = 0;
        for (Room room : rooms.findAll()) {
            if (room.isDeleted() || room.getUserbotAccountId() == null) {
                continue;
            }
            try {
                int[] changed = reconcile(room);
                read++;
                joined += changed[0];
                left += changed[1];
            } catch (UserbotException e) {
                failed++;
                log.warn("Member reconciliation: room {} not readable through the userbot ({}); next run retries",
                        room.getId(), e.getMessage());
            }
        }
        meters.counter("smetabot.bot.members.reconciled", "change", "joined").increment(joined);
        meters.counter("smetabot.bot.members.reconciled", "change", "left").increment(left);
        meters.counter("smetabot.bot.members.reconcile.runs", "outcome", failed == 0 ? "ok" : "partial").increment();
        if (joined > 0 || left > 0 || failed > 0) {
            log.info("Member reconciliation: {} rooms read, {} members recorded as joined, {} clients marked as left, "
                    + "{} rooms unreadable", read, joined, left, failed);
        }
        return new Report(read, joined, left, failed);
    }

    private int[] reconcile(Room room) {
        Instant readAt = clock.instant();
        List<MembersPage.Member> members = new ArrayList<>();
        int total = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            MembersPage result = userbot.members(new MembersRequest(room.getUserbotAccountId(), room.getTgChatId(),
                    members.size(), PAGE));
            members.addAll(result.members());
            total = result.totalCount();
            if (result.members().isEmpty() || members.size() >= total) {
                break;
            }
        }
        Map<Long, Client> ours = new HashMap<>();
        clients.findByRoomId(room.getId()).forEach(c -> ours.put(c.getTgUserId(), c));
        Set<Long> listed = new HashSet<>();
        int joined = 0;
        for (MembersPage.Member member : members) {
            listed.add(member.userId());
            Client known = ours.get(member.userId());
            boolean subscriber = "member".equals(member.status()) && !member.isBot();
            if (subscriber && (known == null || known.getStatus() == ClientStatus.LEFT || known.getStatus() == ClientStatus.PENDING)) {
                joined += recordJoin(room, member) ? 1 : 0;
            }
        }
        int left = 0;
        if (members.size() >= total) {
            for (Client client : ours.values()) {
                if (client.getStatus() == ClientStatus.ACTIVE && !listed.contains(client.getTgUserId())
                        && client.getUpdatedAt() != null && client.getUpdatedAt().isBefore(readAt)) {
                    left += recordLeave(room, client, readAt) ? 1 : 0;
                }
            }
        }
        return new int[] {joined, left};
    }

    private boolean recordJoin(Room room, MembersPage.Member member) {
        String name = member.lastName() == null ? member.firstName()
                : member.firstName() == null ? member.lastName() : member.firstName() + " " + member.lastName();
        Boolean recorded = tx.execute(s -> {
            var registration = registry.register(new NewClient(room.getId(), null, member.userId(), member.username(), name,
                    ClientStatus.ACTIVE, member.joinedAt() == null ? clock.instant() : member.joinedAt()));
            if (registration.status() != ClientStatus.ACTIVE) {
                return false;
            }
            events.record(EventType.CLIENT_JOIN, room.getId(), registration.clientId(),
                    Map.of("invite_id", 0L, "source", "reconciliation"));
            return true;
        });
        if (Boolean.TRUE.equals(recorded)) {
            log.info("Room {}: user {} is in the channel but was not recorded (a lost chat_member update); recorded as joined",
                    room.getId(), member.userId());
        }
        return Boolean.TRUE.equals(recorded);
    }

    private boolean recordLeave(Room room, Client client, Instant readAt) {
        Boolean changed = tx.execute(s -> {
            // Only if nothing touched the client since the list was read (a join recorded meanwhile stays).
            Client now = clients.findById(client.getId()).orElse(null);
            if (now == null || now.getStatus() != ClientStatus.ACTIVE || !now.getUpdatedAt().isBefore(readAt)) {
                return false;
            }
            registry.changeStatus(room.getId(), client.getTgUserId(), ClientStatus.LEFT, readAt);
            events.record(EventType.CLIENT_LEAVE, room.getId(), client.getId(), Map.of("source", "reconciliation"));
            return true;
        });
        if (Boolean.TRUE.equals(changed)) {
            log.info("Room {}: client {} is no longer in the channel (a lost chat_member update); marked as left",
                    room.getId(), client.getTgUserId());
        }
        return Boolean.TRUE.equals(changed);
    }
}
