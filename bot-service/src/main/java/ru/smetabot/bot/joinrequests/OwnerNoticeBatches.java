package ru.smetabot.bot.joinrequests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;

/**
 * The owner's join-request notices, sent after the decisions rather than inside them: a decision queues its notice
 * here, and every {@code JOIN_NOTICE_BATCH} (1 s) each owner gets what queued for them as one message (several
 * when over Telegram's 4 096 characters), notices separated by a blank line. A storm of 500 requests a second then
 * costs an owner a message a second instead of 500 (Telegram allows a bot about one message a second per chat),
 * and no decision waits for a sendMessage. On shutdown what is queued is sent. A notice that Telegram refuses is
 * logged and dropped, as a single one was.
 */
@Component
class OwnerNoticeBatches implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OwnerNoticeBatches.class);
    private static final String SEPARATOR = "\n\n";

    private final BotGateway gateway;
    private final Duration every;
    private final Map<Long, Queue<String>> queued = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    OwnerNoticeBatches(BotGateway gateway, @Value("${smetabot.bot.join-requests.notice-batch:1s}") Duration every) {
        this.gateway = gateway;
        this.every = every;
    }

    void add(long ownerChatId, String text) {
        queued.computeIfAbsent(ownerChatId, k -> new ConcurrentLinkedQueue<>()).add(text);
    }

    /** Sends every owner what is queued for them; returns how many messages went out. */
    int flush() {
        int sent = 0;
        for (Map.Entry<Long, Queue<String>> owner : queued.entrySet()) {
            List<String> texts = new ArrayList<>();
            for (String text = owner.getValue().poll(); text != null; text = owner.getValue().poll()) {
                texts.add(text);
            }
            for (String message : messages(texts)) {
                try {
                    gateway.send(owner.getKey(), Screen.text(message));
                    sent++;
                } catch (RuntimeException e) { // BotApiException, or the gateway refusing: the other owners still get theirs
                    log.info("Could not send owner {} {} join-request notices: {}", owner.getKey(),
                            message.split(SEPARATOR).length, e.getMessage());
                }
            }
        }
        return sent;
    }

    /** The notices joined into as few messages as Telegram's length limit allows, in order. */
    static List<String> messages(List<String> texts) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String text : texts) {
            if (current.length() > 0 && current.length() + SEPARATOR.length() + text.length() > TelegramLimits.MAX_TEXT) {
                messages.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? SEPARATOR : "").append(text);
        }
        if (current.length() > 0) {
            messages.add(current.toString());
        }
        return messages;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Sending the queued join-request notices failed: {}; the next round tries what is left", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "join-notices"));
        flusher.scheduleWithFixedDelay(this::flushQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flusher = null;
            flushQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    /** Stops after the update lanes (which may still queue notices), before the gateway goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
