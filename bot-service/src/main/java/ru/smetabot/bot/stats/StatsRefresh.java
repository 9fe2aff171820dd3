package ru.smetabot.bot.stats;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.callbacks.Callback.RefreshStats;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.channels.CardNotice;
import ru.smetabot.bot.channels.ChannelScreens;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotMetrics;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.views.RefreshSummary;
import ru.smetabot.views.UnknownRoomException;
import ru.smetabot.views.ViewsRefresher;

/**
 * The "🔄 Обновить статистику" button. The owner waits at most {@link #WAIT}: a refresh that takes
 * longer finishes in the background and edits the card when done. A refresh stopped by a flood
 * wait or an outage is tried again once, at the time the routine gives, if that is soon.
 */
@Component
class StatsRefresh implements CallbackHandler<RefreshStats> {

    static final Duration WAIT = Duration.ofSeconds(9);
    static final Duration MAX_AUTO_RETRY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(StatsRefresh.class);

    private final ViewsRefresher refresher;
    private final ChannelScreens screens;
    private final Texts texts;
    private final BotMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runs = Executors.newFixedThreadPool(4, r -> new Thread(r, "bot-refresh"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bot-refresh-retry"));
    private final Set<Long> retryPending = ConcurrentHashMap.newKeySet();

    private final FirstViewsNotices firstViews;

    StatsRefresh(ViewsRefresher refresher, ChannelScreens screens, Texts texts, BotMetrics metrics, FirstViewsNotices firstViews) {
        this.firstViews = firstViews;
        this.refresher = refresher;
        this.screens = screens;
        this.texts = texts;
        this.metrics = metrics;
    }

    @Override
    public Class<RefreshStats> type() {
        return RefreshStats.class;
    }

    @Override
    public void handle(CallbackContext ctx, RefreshStats callback) {
        ctx.answer(texts.get(ctx.locale(), "stats.refreshing"));
        refreshAndShow(ctx.room(), new CardMessage(ctx.chatId(), ctx.messageId(), ctx.locale()), "button");
    }

    private void refreshAndShow(Room room, CardMessage card, String trigger) {
        CompletableFuture<RefreshSummary> run = CompletableFuture.supplyAsync(() -> refresher.refreshViewsForRoom(room.getId()), runs);
        CardNotice notice;
        try {
            RefreshSummary summary = run.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            metrics.refresh(trigger, RefreshNotices.outcomeTag(summary));
            notice = RefreshNotices.of(summary, clock.instant());
            scheduleRetry(room, card, summary);
            if (summary.updated() > 0) {
                firstViews.tellNew(); // cheap: reads only unclaimed first_views events
            }
        } catch (TimeoutException slow) {
            metrics.refresh(trigger, "slow");
            log.warn("views refresh room={} still running after {} s; the card is edited when it ends", room.getId(), WAIT.toSeconds());
            run.thenAccept(summary -> showIfStillThere(room, card, RefreshNotices.of(summary, clock.instant())));
            notice = CardNotice.other("timeout");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownRoomException gone) {
                metrics.refresh(trigger, "room_gone");
                log.info("views refresh skipped: {}", gone.getMessage());
                notice = CardNotice.other("room_gone");
            } else {
                metrics.refresh(trigger, "error");
                log.error("views refresh room={} failed", room.getId(), e.getCause());
                notice = CardNotice.other("error");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if ("retry".equals(trigger)) {
            showIfStillThere(room, card, notice);
        } else {
            show(room, card, notice);
        }
    }

    private void scheduleRetry(Room room, CardMessage card, RefreshSummary summary) {
        if (summary.refreshed() || summary.retryAt() == null || summary.outcome() == RefreshSummary.Outcome.BUSY) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), summary.retryAt()).plusSeconds(1);
        if (delay.compareTo(MAX_AUTO_RETRY) > 0 || !retryPending.add(room.getId())) {
            return;
        }
        log.info("views refresh room={} will be retried at {}", room.getId(), summary.retryAt());
        retries.schedule(() -> {
            retryPending.remove(room.getId());
            try {
                refreshAndShow(room, card, "retry");
            } catch (RuntimeException e) {
                log.warn("views refresh retry room={} failed: {}", room.getId(), e.toString());
            }
        }, Math.max(delay.toMillis(), 0), TimeUnit.MILLISECONDS);
    }

    private void show(Room room, CardMessage card, CardNotice notice) {
        screens.editCard(card.chatId(), card.messageId(), room, 0, notice, card.locale());
    }

    private void showIfStillThere(Room room, CardMessage card, CardNotice notice) {
        screens.editCardIfStillShown(card.chatId(), card.messageId(), room, notice, card.locale());
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
        runs.shutdown();
        try {
            runs.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record CardMessage(long chatId, int messageId, Locale locale) {
    }

}
