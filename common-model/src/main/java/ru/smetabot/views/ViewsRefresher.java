package ru.smetabot.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.views.RefreshRunStore.LivePost;
import ru.smetabot.views.RefreshRunStore.RoomTarget;
import ru.smetabot.views.RefreshSummary.Outcome;
import ru.smetabot.views.RoomReader.Read;
import ru.smetabot.views.ViewCountsWriter.Written;

/**
 * Refreshes the view counts of every live post of a room: asks the userbot in batches of ≤100
 * ids, writes all counts in one statement, snapshots changed counts, marks missing posts deleted
 * and logs a {@code views_refreshed} event. A flood wait or an outage stops the run: what was read
 * is kept, nothing stored is lowered, and the room rests until the time in the summary.
 * Safe to call from any thread of any instance: a room is never refreshed twice at the same time.
 */
public class ViewsRefresher {

    private static final Logger log = LoggerFactory.getLogger(ViewsRefresher.class);
    private static final Duration FINISH_RETRY_PAUSE = Duration.ofSeconds(1);

    private final RoomReader reader;
    private final RefreshRunStore store;
    private final ViewCountsWriter writer;
    private final RoomViewsTotal viewsTotal;
    private final RefreshRuns runs;
    private final EventLog events;
    private final TransactionOperations tx;
    private final Clock clock;
    private final ViewsRefreshSettings settings;

    public ViewsRefresher(UserbotApi userbot, JdbcClient jdbc, RefreshRuns runs, EventLog events,
            TransactionOperations tx, Clock clock, ViewsRefreshSettings settings) {
        this.reader = new RoomReader(userbot, settings.batchSize());
        this.store = new RefreshRunStore(jdbc);
        this.writer = new ViewCountsWriter(jdbc);
        this.viewsTotal = new RoomViewsTotal(jdbc);
        this.runs = runs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /** {@link #refreshViewsForRoom(long, RefreshTrigger)} on behalf of the bot's button. */
    public RefreshSummary refreshViewsForRoom(long roomId) {
        return refreshViewsForRoom(roomId, RefreshTrigger.bot());
    }

    /**
     * Refreshes one room now, in the calling thread. Never throws for userbot trouble: the
     * summary says what happened (FAILED with reason and retryAt, BACKED_OFF, BUSY).
     *
     * @throws UnknownRoomException when there is no such room or it was deactivated
     */
    public RefreshSummary refreshViewsForRoom(long roomId, RefreshTrigger trigger) {
        long startNanos = System.nanoTime();
        RoomTarget room = store.room(roomId).orElseThrow(() -> new UnknownRoomException(roomId, "does not exist"));
        if (room.deleted()) {
            throw new UnknownRoomException(roomId, "is deactivated (the bot lost access to the channel)");
        }
        Optional<RefreshRuns.BackOff> backOff = runs.backOff(roomId);
        if (backOff.isPresent()) {
            log.info("views refresh room={} skipped: in back-off until {} after {}", roomId, backOff.get().until(),
                    backOff.get().reason().tag());
            return RefreshSummary.notStarted(roomId, Outcome.BACKED_OFF, backOff.get().reason(),
                    backOff.get().until(), since(startNanos));
        }
        Instant now = clock.instant();
        Optional<Long> runId = store.start(roomId, trigger, now, now.minus(settings.lease()));
        if (runId.isEmpty()) {
            log.info("views refresh room={} skipped: another refresh of the room is running", roomId);
            return RefreshSummary.notStarted(roomId, Outcome.BUSY, null, null, since(startNanos));
        }
        RefreshSummary summary;
        try {
            summary = run(room, runId.get(), startNanos);
        } catch (RuntimeException e) {
            summary = new RefreshSummary(roomId, Outcome.FAILED, 0, 0, 0, 0, 0, 0, since(startNanos),
                    FailureReason.ERROR, clock.instant().plus(settings.failureBackoff()), String.valueOf(e),
                    runId.get());
            log.error("views refresh room={} failed unexpectedly; retry not before {}", roomId, summary.retryAt(), e);
        }
        finishDespiteAnOutage(summary);
        return summary;
    }

    private RefreshSummary run(RoomTarget room, long runId, long startNanos) {
        List<LivePost> posts = store.livePosts(room.id());
        Read read = reader.read(room, posts, () -> store.heartbeat(runId, clock.instant()));
        if (read.noAccount()) {
            return failed(room, runId, posts.size(), Written.NONE, 0, startNanos, FailureReason.NO_ACCOUNT,
                    clock.instant().plus(settings.failureBackoff()),
                    "no connected account reads this room (core.channels.userbot_account_id is empty)");
        }
        Written written = tx.execute(status -> {
            Written w = writer.write(room.id(), read.counts(), clock.instant());
            if (w.updated() > 0) {
                viewsTotal.recount(room.id()); // the room list's totals (V13), in the same transaction
            }
            return w;
        });
        if (read.stoppedBy() != null) {
            Failure failure = Failure.of(read.stoppedBy(), clock.instant(), settings.failureBackoff());
            return failed(room, runId, posts.size(), written, read.calls(), startNanos, failure.reason(),
                    failure.retryAt(), failure.detail());
        }
        int unanswered = posts.size() - read.answered();
        return new RefreshSummary(room.id(), Outcome.REFRESHED, posts.size(), written.updated(), written.unchanged(),
                written.missing(), unanswered, read.calls(), since(startNanos), null, null,
                unanswered == 0 ? null : unanswered + " posts were in neither views nor missing", runId);
    }

    private RefreshSummary failed(RoomTarget room, long runId, int posts, Written written, int calls, long startNanos,
            FailureReason reason, Instant retryAt, String detail) {
        int done = written.updated() + written.unchanged() + written.missing();
        return new RefreshSummary(room.id(), Outcome.FAILED, posts, written.updated(), written.unchanged(),
                written.missing(), posts - done, calls, since(startNanos), reason, retryAt, detail, runId);
    }

    /**
     * The open run row is the room's lease: if the database went away in the middle of the run, a
     * lost finish would keep the room "being refreshed" — skipped by every cycle and the button —
     * until the lease runs out (5 min). So the finish is tried again while the database comes back,
     * for at most half the lease; after that the lease closes the run as abandoned, as before.
     */
    private void finishDespiteAnOutage(RefreshSummary summary) {
        long giveUpAt = System.nanoTime() + settings.lease().toNanos() / 2;
        for (int attempt = 1; ; attempt++) {
            try {
                finish(summary);
                return;
            } catch (DataAccessException | TransactionException e) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw e;
                }
                log.warn("views refresh room={}: the run's result could not be recorded (attempt {}), trying again: {}",
                        summary.roomId(), attempt, e.toString());
                pause(FINISH_RETRY_PAUSE);
            }
        }
    }

    private void finish(RefreshSummary summary) {
        tx.executeWithoutResult(status -> {
            // False when an earlier attempt did commit (only its answer was lost): no second event then.
            boolean finished = store.finish(summary.runId(), summary, clock.instant());
            if (finished && summary.refreshed()) {
                events.record(EventType.VIEWS_REFRESHED, summary.roomId(), null, Map.of(
                        "posts", summary.posts(), "updated", summary.updated(), "unchanged", summary.unchanged(),
                        "missing", summary.missing(), "userbotCalls", summary.userbotCalls(),
                        "durationMs", summary.duration().toMillis()));
            }
        });
        if (summary.refreshed()) {
            log.info("views refresh room={} done: posts={} updated={} unchanged={} missing={} calls={} in {} ms",
                    summary.roomId(), summary.posts(), summary.updated(), summary.unchanged(), summary.missing(),
                    summary.userbotCalls(), summary.duration().toMillis());
        } else {
            log.warn("views refresh room={} failed: reason={} retryNotBefore={} written={} notRefreshed={} detail={}",
                    summary.roomId(), summary.reason().tag(), summary.retryAt(), summary.updated() + summary.unchanged()
                            + summary.missing(), summary.failed(), summary.detail());
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a refresh run", e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
