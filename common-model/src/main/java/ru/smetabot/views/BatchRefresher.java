package ru.smetabot.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;
import ru.smetabot.model.events.EventType;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.views.RefreshRunStore.LivePost;
import ru.smetabot.views.RefreshRunStore.RoomTarget;
import ru.smetabot.views.RefreshSummary.Outcome;
import ru.smetabot.views.RoomReader.Read;
import ru.smetabot.views.ViewCountsWriter.Count;
import ru.smetabot.views.ViewCountsWriter.Written;

/**
 * The periodic cycle's refresh of many rooms at once: per room exactly what {@link ViewsRefresher} does (the
 * same userbot calls, counts only grow, snapshots only for changed counts, missing posts marked deleted, the
 * run row as the room's lease, a {@code views_refreshed} event per refreshed room, back-off and busy rooms
 * not started), but each database step is one statement for the whole batch instead of one per room, and
 * the leases' heartbeat is renewed when it has aged a fifth of the lease instead of before every call.
 * A flood wait met by one room holds back the batch's later rooms of the same account (BACKED_OFF, their
 * run withdrawn), as the per-room routine's back-off check would.
 */
public class BatchRefresher {

    private static final Logger log = LoggerFactory.getLogger(BatchRefresher.class);
    private static final Duration FINISH_RETRY_PAUSE = Duration.ofSeconds(1);

    private final RoomReader reader;
    private final RefreshRunStore store;
    private final ViewCountsWriter writer;
    private final RoomViewsTotal viewsTotal;
    private final RefreshRuns runs;
    private final TransactionOperations tx;
    private final Clock clock;
    private final ViewsRefreshSettings settings;

    public BatchRefresher(UserbotApi userbot, JdbcClient jdbc, RefreshRuns runs, TransactionOperations tx, Clock clock,
            ViewsRefreshSettings settings) {
        this.reader = new RoomReader(userbot, settings.batchSize());
        this.store = new RefreshRunStore(jdbc);
        this.writer = new ViewCountsWriter(jdbc);
        this.viewsTotal = new RoomViewsTotal(jdbc);
        this.runs = runs;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What a batch did: a summary per room that exists and is live (refreshed, failed, backed off or busy),
     * and the ids that are unknown or deactivated.
     */
    public record BatchResult(List<RefreshSummary> summaries, List<Long> unknown) {
    }

    /** Refreshes the rooms in the calling thread, one after another; never throws for userbot trouble. */
    public BatchResult refresh(List<Long> roomIds, RefreshTrigger trigger) {
        long startNanos = System.nanoTime();
        Map<Long, RoomTarget> rooms = new LinkedHashMap<>();
        store.rooms(roomIds).stream().filter(r -> !r.deleted()).forEach(r -> rooms.put(r.id(), r));
        List<Long> unknown = roomIds.stream().filter(id -> !rooms.containsKey(id)).toList();
        List<RefreshSummary> summaries = new ArrayList<>();
        if (rooms.isEmpty()) {
            return new BatchResult(summaries, unknown);
        }
        runs.backOffs(List.copyOf(rooms.keySet())).forEach((id, backOff) -> {
            rooms.remove(id);
            summaries.add(RefreshSummary.notStarted(id, Outcome.BACKED_OFF, backOff.reason(), backOff.until(),
                    since(startNanos)));
        });
        Instant now = clock.instant();
        Map<Long, Long> runIds = rooms.isEmpty() ? Map.of()
                : store.startAll(List.copyOf(rooms.keySet()), trigger, now, now.minus(settings.lease()));
        rooms.keySet().removeIf(id -> {
            if (runIds.containsKey(id)) {
                return false;
            }
            summaries.add(RefreshSummary.notStarted(id, Outcome.BUSY, null, null, since(startNanos)));
            return true;
        });
        if (!rooms.isEmpty()) {
            summaries.addAll(runStarted(rooms, runIds, startNanos));
        }
        log.info("views refresh batch of {} rooms done in {} ms: {}", roomIds.size(),
                since(startNanos).toMillis(), outcomes(summaries, unknown.size()));
        return new BatchResult(summaries, unknown);
    }

    private List<RefreshSummary> runStarted(Map<Long, RoomTarget> rooms, Map<Long, Long> runIds, long startNanos) {
        List<RefreshSummary> finished = new ArrayList<>();
        List<RefreshSummary> held = new ArrayList<>();
        try {
            Map<Long, List<LivePost>> posts = store.livePosts(List.copyOf(rooms.keySet()));
            Heartbeat heartbeat = new Heartbeat(runIds, clock.instant());
            Map<Long, Failure> floodedAccounts = new HashMap<>();
            Map<Long, Read> reads = new LinkedHashMap<>();
            for (RoomTarget room : rooms.values()) {
                List<LivePost> live = posts.getOrDefault(room.id(), List.of());
                Failure flood = room.account() == null ? null : floodedAccounts.get(room.account());
                if (flood != null) {
                    held.add(RefreshSummary.notStarted(room.id(), Outcome.BACKED_OFF, flood.reason(), flood.retryAt(),
                            since(startNanos)));
                    continue;
                }
                Read read = reader.read(room, live, () -> heartbeat.beatIfDue(clock.instant()));
                reads.put(room.id(), read);
                if (read.stoppedBy() != null) {
                    Failure failure = Failure.of(read.stoppedBy(), clock.instant(), settings.failureBackoff());
                    if (failure.reason() == FailureReason.FLOOD_WAIT) {
                        floodedAccounts.put(room.account(), failure);
                    }
                }
            }
            Map<Long, List<Count>> counts = new HashMap<>();
            reads.forEach((id, read) -> counts.put(id, read.counts()));
            Map<Long, Written> written = tx.execute(status -> {
                Map<Long, Written> w = writer.writeAll(counts, clock.instant());
                // the room list's totals (V13), in the same transaction, for the rooms whose counts changed
                viewsTotal.recount(w.entrySet().stream().filter(e -> e.getValue().updated() > 0)
                        .map(Map.Entry::getKey).toList());
                return w;
            });
            reads.forEach((id, read) -> finished.add(summary(rooms.get(id), runIds.get(id), read,
                    written.getOrDefault(id, Written.NONE), startNanos)));
        } catch (RuntimeException e) {
            log.error("views refresh batch of {} rooms failed unexpectedly; each retries not before {}", rooms.size(),
                    clock.instant().plus(settings.failureBackoff()), e);
            finished.clear();
            held.clear();
            rooms.keySet().forEach(id -> finished.add(new RefreshSummary(id, Outcome.FAILED, 0, 0, 0, 0, 0, 0,
                    since(startNanos), FailureReason.ERROR, clock.instant().plus(settings.failureBackoff()),
                    String.valueOf(e), runIds.get(id))));
        }
        if (!held.isEmpty()) {
            store.release(held.stream().map(s -> runIds.get(s.roomId())).toList());
        }
        finishDespiteAnOutage(finished);
        finished.stream().filter(s -> !s.refreshed()).forEach(s -> log.warn(
                "views refresh room={} failed: reason={} retryNotBefore={} written={} notRefreshed={} detail={}",
                s.roomId(), s.reason().tag(), s.retryAt(), s.updated() + s.unchanged() + s.missing(), s.failed(),
                s.detail()));
        List<RefreshSummary> all = new ArrayList<>(finished);
        all.addAll(held);
        return all;
    }

    private RefreshSummary summary(RoomTarget room, long runId, Read read, Written written, long startNanos) {
        int posts = read.posts();
        if (read.noAccount()) {
            return new RefreshSummary(room.id(), Outcome.FAILED, posts, 0, 0, 0, posts, 0, since(startNanos),
                    FailureReason.NO_ACCOUNT, clock.instant().plus(settings.failureBackoff()),
                    "no connected account reads this room (core.channels.userbot_account_id is empty)", runId);
        }
        int done = written.updated() + written.unchanged() + written.missing();
        if (read.stoppedBy() != null) {
            Failure failure = Failure.of(read.stoppedBy(), clock.instant(), settings.failureBackoff());
            return new RefreshSummary(room.id(), Outcome.FAILED, posts, written.updated(), written.unchanged(),
                    written.missing(), posts - done, read.calls(), since(startNanos), failure.reason(),
                    failure.retryAt(), failure.detail(), runId);
        }
        int unanswered = posts - read.answered();
        return new RefreshSummary(room.id(), Outcome.REFRESHED, posts, written.updated(), written.unchanged(),
                written.missing(), unanswered, read.calls(), since(startNanos), null, null,
                unanswered == 0 ? null : unanswered + " posts were in neither views nor missing", runId);
    }

    /** As {@link ViewsRefresher}: the runs are the rooms' leases, so their finish is retried while the database is away. */
    private void finishDespiteAnOutage(List<RefreshSummary> summaries) {
        if (summaries.isEmpty()) {
            return;
        }
        long giveUpAt = System.nanoTime() + settings.lease().toNanos() / 2;
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> store.finishAll(summaries, clock.instant(),
                        EventType.VIEWS_REFRESHED.dbValue()));
                return;
            } catch (DataAccessException | TransactionException e) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw e;
                }
                log.warn("views refresh batch: the results of {} runs could not be recorded (attempt {}), trying"
                        + " again: {}", summaries.size(), attempt, e.toString());
                try {
                    Thread.sleep(FINISH_RETRY_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while recording refresh runs", interrupted);
                }
            }
        }
    }

    /** Renews the batch's leases when the last renewal is a fifth of the lease old: one UPDATE for all runs. */
    private final class Heartbeat {
        private final Map<Long, Long> runIds;
        private Instant last;

        Heartbeat(Map<Long, Long> runIds, Instant started) {
            this.runIds = runIds;
            this.last = started;
        }

        void beatIfDue(Instant now) {
            if (Duration.between(last, now).compareTo(settings.lease().dividedBy(5)) >= 0) {
                store.heartbeatAll(runIds.values(), now);
                last = now;
            }
        }
    }

    private static String outcomes(List<RefreshSummary> summaries, int unknown) {
        Map<Outcome, Integer> byOutcome = new java.util.EnumMap<>(Outcome.class);
        summaries.forEach(s -> byOutcome.merge(s.outcome(), 1, Integer::sum));
        return byOutcome + (unknown > 0 ? " unknown=" + unknown : "");
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
