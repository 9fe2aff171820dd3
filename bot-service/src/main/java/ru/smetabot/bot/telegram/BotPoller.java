package ru.smetabot.bot.telegram;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.telegram.UpdateJson.Prepared;

/**
 * The long-polling loop. Updates are handed to ordered lanes ({@link UpdateLanes}, many lanes over
 * BOT_HANDLER_THREADS threads), one user (or chat) always on the same lane: a user's updates keep their order,
 * a slow refresh for one user does not hold up the others, and the poller thread never runs handler code. On shutdown polling stops first,
 * then the lanes finish what they hold. Nothing may escape {@link #consume}: TelegramBots runs polling
 * as a fixed-rate task, and one exception from the consumer cancels it for good.
 */
class BotPoller implements SmartLifecycle, LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(BotPoller.class);

    private final BotProperties properties;
    private final Runnable beforePolling;
    private final Supplier<TelegramUrl> url;
    private final UpdateDispatcher dispatcher;
    private final UpdateInbox inbox;
    private final UnparsedUpdates unparsed;
    private volatile UpdateLanes lanes;
    private final AtomicReference<BotSession> session = new AtomicReference<>();
    private TelegramBotsLongPollingApplication application;
    private volatile boolean running;

    /** {@code beforePolling} runs once before the first getUpdates (the leftover webhook check). */
    BotPoller(BotProperties properties, Runnable beforePolling, TelegramUrl url, UpdateDispatcher dispatcher,
            UpdateInbox inbox, UnparsedUpdates unparsed) {
        this.properties = properties;
        this.beforePolling = beforePolling;
        this.url = () -> url;
        this.dispatcher = dispatcher;
        this.inbox = inbox;
        this.unparsed = unparsed;
    }

    @Override
    public synchronized void start() {
        beforePolling.run();
        openLanes(); // before polling starts: a batch consumed while not running is dropped unconfirmed
        application = new TelegramBotsLongPollingApplication();
        try {
            session.set(application.registerBot(properties.token(), url,
                    new GetUpdatesRequest(properties.pollTimeoutSeconds(), new Listener()), this));
        } catch (TelegramApiException e) {
            running = false;
            throw new IllegalStateException("Could not start long polling at " + properties.telegramApiUrl() + ": " + e, e);
        }
        log.info("Long polling {} for updates {}", properties.telegramApiUrl(), UpdateKind.allowedUpdates());
    }

    /** The lanes, taking batches from {@link #consume}; {@link #start} then polls (tests use this alone). */
    synchronized void openLanes() {
        lanes = new UpdateLanes(properties.handlerThreads());
        running = true;
    }

    /**
     * The batch is parked in the database first (blocking while PostgreSQL is down: the next getUpdates, which
     * confirms this batch to Telegram, is not sent before), then handed to the lanes, each update as it was
     * prepared for parking (cleaned and keyed once).
     */
    @Override
    public void consume(List<Update> updates) {
        UpdateLanes lanes = this.lanes; // stop() clears the field while a batch may be on its way here
        if (!running || lanes == null) {
            log.warn("{} updates arrived while polling stops; not taken: they are not confirmed, so Telegram sends them "
                    + "again after the restart", updates.size());
            return;
        }
        List<Update> parkable = updates.stream().filter(u -> dispatcher.handles(UpdateKind.of(u))).toList();
        Iterator<Prepared> parked;
        if (parkable.isEmpty()) {
            parked = Collections.emptyIterator();
        } else {
            Optional<List<Prepared>> prepared = inbox.park(parkable, () -> running);
            if (prepared.isEmpty()) {
                return;
            }
            parked = prepared.get().iterator();
        }
        for (Update update : updates) {
            // parkable keeps the batch's order, so the next prepared one is this update when it was parked
            Runnable task = dispatcher.handles(UpdateKind.of(update)) ? handOver(parked.next()) : () -> dispatcher.dispatch(update);
            try {
                lanes.execute(UpdateKeys.laneKey(update), task);
            } catch (RejectedExecutionException e) {
                log.warn("Update {} arrived during shutdown; it stays parked and the update retries handle it (after "
                        + "3 min) if this instance has a handler for it, else it is dropped", update.getUpdateId());
            } catch (RuntimeException e) {
                log.error("Update {} could not be handed to a lane; skipped. Cause: {}", update.getUpdateId(), e.toString(), e);
            }
        }
    }

    private Runnable handOver(Prepared parked) {
        return () -> dispatcher.dispatchParked(parked);
    }

    /** What a getUpdates answer revealed: an update TelegramBots cannot parse, a restarted id sequence. */
    private final class Listener implements TolerantGetUpdates.Listener {

        @Override
        public void unparsed(Long updateId, String rawJson, String error) {
            unparsed.park(updateId, rawJson, error);
        }

        @Override
        public void sequenceRestarted(int lowestId) {
            BotSession current = session.get();
            if (current != null) {
                log.warn("Telegram restarted update ids (now from {}, below the last one seen); polling follows", lowestId);
                current.getLastReceivedUpdate().set(lowestId - 1);
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            log.warn("Stopping long polling: {}", e.toString());
        }
        if (lanes != null) {
            try {
                if (!lanes.shutdown(20, TimeUnit.SECONDS)) {
                    log.warn("The update lanes did not finish within 20 s; interrupting them");
                    lanes.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lanes = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
