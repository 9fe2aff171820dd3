package ru.smetabot.bot.joinrequests;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.User;
import ru.smetabot.bot.jobs.OncePerPeriod;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.invites.InviteLinkRepository;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.JoinRequestsPage.PendingJoinRequest;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;

/**
 * Join requests stay pending in Telegram until someone decides them, so the ones whose update was
 * lost (the bot was down, or crashed after TelegramBots acknowledged the batch) are found here:
 * on start and every {@code sweep-interval}, each room's links are read through the owner's
 * userbot session, and every pending request goes through {@link JoinRequestService} like an update.
 * Each sweep first completes the join decisions left open ({@link JoinRequestService#reconcile}).
 */
@Component
public class JoinRequestSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JoinRequestSweep.class);
    private static final int MAX_PAGES = 1_000;

    private final RoomRepository rooms;
    private final InviteLinkRepository links;
    private final UserbotApi userbot;
    private final BotGateway gateway;
    private final JoinRequestService service;
    private final JoinRequestMetrics metrics;
    private final JoinRequestProperties properties;
    private final OncePerPeriod jobs;
    private final Object sweeping = new Object();
    private ScheduledExecutorService scheduler;

    JoinRequestSweep(RoomRepository rooms, InviteLinkRepository links, UserbotApi userbot, BotGateway gateway,
            JoinRequestService service, JoinRequestMetrics metrics, JoinRequestProperties properties, OncePerPeriod jobs) {
        this.jobs = jobs;
        this.rooms = rooms;
        this.links = links;
        this.userbot = userbot;
        this.gateway = gateway;
        this.service = service;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** How many pending requests a sweep found and how many rooms it could not read. */
    public record Report(int found, int approved, int declined, int failedRooms) {
    }

    /** One pass over every room; a manual run and the scheduled one never overlap. */
    public Report sweep() {
        synchronized (sweeping) {
            return sweepRooms();
        }
    }

    private Report sweepRooms() {
        int reconciled = service.reconcile(properties.reconcileAfter());
        int found = 0;
        int approved = 0;
        int declined = 0;
        int failedRooms = 0;
        for (Room room : rooms.findAll()) {
            if (room.isDeleted() || room.getUserbotAccountId() == null) {
                continue;
            }
            try {
                for (InviteLink link : links.findByRoomIdOrderByCreatedAtDesc(room.getId())) {
                    if (!link.isCreatesJoinRequest()) {
                        continue;
                    }
                    for (PendingJoinRequest pending : pending(room, link)) {
                        found++;
                        JoinRequestService.Outcome outcome = service.handle(request(room, link, pending)).outcome();
                        approved += outcome == JoinRequestService.Outcome.APPROVED ? 1 : 0;
                        declined += outcome == JoinRequestService.Outcome.DECLINED ? 1 : 0;
                    }
                }
            } catch (UserbotException e) {
                failedRooms++;
                log.warn("Join-request sweep: room {} not readable through the userbot ({}); next sweep retries",
                        room.getId(), e.getMessage());
            }
        }
        metrics.sweepRun(failedRooms == 0 ? "ok" : "partial", found);
        if (found > 0 || failedRooms > 0 || reconciled > 0) {
            log.info("Join-request sweep: {} open decisions completed, {} pending found, {} approved, {} declined, {} rooms unreadable",
                    reconciled, found, approved, declined, failedRooms);
        }
        return new Report(found, approved, declined, failedRooms);
    }

    private List<PendingJoinRequest> pending(Room room, InviteLink link) {
        List<PendingJoinRequest> all = new java.util.ArrayList<>();
        JoinRequestsPage.Cursor cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JoinRequestsPage result = userbot.joinRequests(new JoinRequestsRequest(room.getUserbotAccountId(),
                    room.getTgChatId(), link.getLink(), cursor, 100));
            all.addAll(result.requests());
            cursor = result.next();
            if (cursor == null || result.requests().isEmpty()) {
                break;
            }
        }
        return all;
    }

    /** The userbot knows only the id; the Bot API tells the name of anyone who asked to join. */
    private JoinRequest request(Room room, InviteLink link, PendingJoinRequest pending) {
        User user = null;
        try {
            user = gateway.execute(GetChatMember.builder().chatId(room.getTgChatId()).userId(pending.userId()).build()).getUser();
        } catch (BotApiException e) {
            log.debug("No name for user {} in room {}: {}", pending.userId(), room.getId(), e.getMessage());
        }
        return new JoinRequest(room.getTgChatId(), pending.userId(), user == null ? null : user.getFirstName(),
                user == null ? null : user.getLastName(), user == null ? null : user.getUserName(), link.getLink(),
                pending.date(), JoinRequest.Source.SWEEP);
    }

    @Override
    public synchronized void start() {
        if (!properties.sweepOnStart() && properties.sweepInterval().isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "join-request-sweep"));
        long delay = properties.sweepOnStart() ? properties.sweepInitialDelay().toMillis() : properties.sweepInterval().toMillis();
        Duration interval = properties.sweepInterval();
        if (properties.sweepOnStart()) {
            // After a start the sweep runs whatever another instance did lately: this one may have been down.
            scheduler.schedule(() -> sweepQuietly(Duration.ZERO), delay, TimeUnit.MILLISECONDS);
        }
        if (!interval.isNegative() && !interval.isZero()) {
            long first = properties.sweepOnStart() ? delay + interval.toMillis() : delay;
            scheduler.scheduleWithFixedDelay(() -> sweepQuietly(interval), first, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Scheduled on every instance; one of them sweeps per {@code period} ({@link OncePerPeriod}), never two at once.
     */
    private void sweepQuietly(Duration period) {
        try {
            jobs.run("join-request-sweep", period, this::sweep);
        } catch (RuntimeException e) {
            metrics.sweepRun("failed", 0);
            log.error("Join-request sweep failed; the next one retries", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
