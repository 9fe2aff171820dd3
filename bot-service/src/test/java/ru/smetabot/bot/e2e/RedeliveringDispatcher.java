package ru.smetabot.bot.e2e;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.bot.telegram.BotMetrics;
import ru.smetabot.bot.telegram.UpdateDispatcher;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateJson;
import ru.smetabot.bot.telegram.UpdateJson.Prepared;
import ru.smetabot.model.updates.ProcessedUpdates;

/**
 * The bot's dispatcher with two test switches, off by default: {@link #redeliverAll} hands every
 * update over a second time from another thread (as Telegram does when a batch was not confirmed),
 * and {@link #loseJoinRequests} throws away the next join requests unseen, as a crash after
 * TelegramBots acknowledged the batch would.
 */
class RedeliveringDispatcher extends UpdateDispatcher {

    private final ExecutorService redelivery = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "test-redelivery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean redeliver;
    private final AtomicInteger toLose = new AtomicInteger();
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();
    private final AtomicInteger redelivered = new AtomicInteger();

    RedeliveringDispatcher(List<UpdateHandler> handlers, ProcessedUpdates processed, BotMetrics metrics, UpdateJson json) {
        super(handlers, processed, metrics, json);
    }

    void redeliverAll(boolean on) {
        redeliver = on;
    }

    void loseJoinRequests(int count) {
        lost.clear();
        toLose.set(count);
    }

    /** The users whose join request was lost since the last {@link #loseJoinRequests}. */
    Set<Long> lost() {
        return Set.copyOf(lost);
    }

    int redelivered() {
        return redelivered.get();
    }

    @Override
    public void dispatch(Update update) {
        if (lose(update)) {
            return;
        }
        super.dispatch(update);
        if (redeliver) {
            redelivered.incrementAndGet();
            redelivery.execute(() -> super.dispatch(update));
        }
    }

    /** The poller's way in: the update as parked; a redelivery is parked again (a no-op) and handed over the same way. */
    @Override
    public void dispatchParked(Prepared parked) {
        if (lose(parked.update())) {
            return;
        }
        super.dispatchParked(parked);
        if (redeliver) {
            redelivered.incrementAndGet();
            redelivery.execute(() -> super.dispatchParked(parked));
        }
    }

    private boolean lose(Update update) {
        if (update.hasChatJoinRequest() && toLose.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            lost.add(update.getChatJoinRequest().getUser().getId());
            return true;
        }
        return false;
    }
}
