package ru.smetabot.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.bot.telegram.UpdateJson.Prepared;
import ru.smetabot.model.updates.ProcessedUpdates;
import ru.smetabot.model.updates.ProcessedUpdates.Due;
import ru.smetabot.model.updates.ProcessedUpdates.Key;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/**
 * Hands each update to the handler of its kind, once. The poller parks every update in
 * {@code core.processed_updates} before Telegram is told it arrived; here it is taken (one statement: of
 * any number of redeliveries and instances exactly one gets it), handled, and marked handled. An update
 * that records something (channel_post, chat_join_request, chat_member, my_chat_member) and fails for a reason
 * that may pass (the database is down, Telegram does not answer) is left for {@link UpdateRetries} with a growing
 * pause; one that fails on its own data is given up at once (JSON kept); an interactive
 * one (a message, a button) is not retried: a late answer to an old tap does more harm than none.
 * Every Telegram string is cleaned on the way in ({@link UpdateJson#prepare}). Nothing reaches the poller.
 */
@Component
public class UpdateDispatcher {

    static final Set<UpdateKind> RETRIED = EnumSet.of(UpdateKind.CHANNEL_POST, UpdateKind.CHAT_JOIN_REQUEST,
            UpdateKind.CHAT_MEMBER, UpdateKind.MY_CHAT_MEMBER);
    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final Map<UpdateKind, UpdateHandler> handlers = new EnumMap<>(UpdateKind.class);
    private final ProcessedUpdates processed;
    private final BotMetrics metrics;
    private final UpdateJson json;

    public UpdateDispatcher(List<UpdateHandler> handlers, ProcessedUpdates processed, BotMetrics metrics, UpdateJson json) {
        for (UpdateHandler handler : handlers) {
            UpdateHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + handler.kind() + ": " + previous + ", " + handler);
            }
        }
        this.processed = processed;
        this.metrics = metrics;
        this.json = json;
    }

    /** True when some handler takes this kind (the poller parks only those). */
    boolean handles(UpdateKind kind) {
        return handlers.containsKey(kind);
    }

    /**
     * An update that was not parked (nothing else stored it): prepared here, taken with its JSON (the take
     * inserts the row when there is none), handled.
     */
    public void dispatch(Update update) {
        UpdateKind kind = UpdateKind.of(update);
        if (!handles(kind)) {
            ignored(update, kind);
            return;
        }
        run(json.prepare(update), processed::take);
    }

    /**
     * An update the intake parked ({@link UpdateInbox}: prepared there, stored as received): taken by one
     * UPDATE of its row ({@link ProcessedUpdates#takeParked}), handled.
     */
    public void dispatchParked(Prepared parked) {
        run(parked, processed::takeParked);
    }

    /**
     * An update the webhook intake parked and took in one statement ({@link UpdateInbox#parkTaken}): handled when
     * {@code taken}, else a redelivery of one taken before, skipped.
     */
    void dispatchTaken(Prepared prepared, boolean taken) {
        run(prepared, key -> taken);
    }

    private void run(Prepared prepared, Predicate<Key> take) {
        Update update = prepared.update();
        UpdateKind kind = UpdateKind.of(update);
        UpdateHandler handler = handlers.get(kind);
        if (handler == null) {
            ignored(update, kind);
            return;
        }
        long started = System.nanoTime();
        String outcome;
        try {
            outcome = take(prepared.key(), take) ? handle(handler, kind, prepared, 1) : "duplicate";
        } catch (RuntimeException e) {
            outcome = "deferred";
            log.warn("Update {} ({}) could not be taken (database unreachable?): {}. It stays parked; the retries "
                    + "handle it once the database answers", update.getUpdateId(), kind.apiName(), e.toString());
        }
        metrics.update(kind, outcome, Duration.ofNanos(System.nanoTime() - started));
    }

    private void ignored(Update update, UpdateKind kind) {
        log.debug("Update {} of type {} has no handler; ignored", update.getUpdateId(), kind.apiName());
        metrics.update(kind, "ignored", Duration.ZERO);
    }

    /** One update the retries took from the table (already taken: no de-duplication here). */
    String redispatch(Due due) {
        UpdateKind kind = kindOf(due.key().updateType());
        UpdateHandler handler = handlers.get(kind);
        Update update;
        try {
            update = due.key().payload() == null ? null : json.read(due.key().payload());
        } catch (JsonProcessingException e) {
            update = null;
        }
        if (handler == null || update == null) {
            log.error("Parked update {} ({}) cannot be handled again (no handler or no readable JSON); given up. "
                    + "Inspect core.processed_updates", due.key().updateId(), due.key().updateType());
            processed.failed(due.key(), "unreadable", null);
            return "failed";
        }
        return handle(handler, kind, new Prepared(update, due.key()), due.attempts());
    }

    private boolean take(Key key, Predicate<Key> take) {
        if (take.test(key)) {
            return true;
        }
        log.info("Update {} ({}) was already taken; skipped the redelivery", key.updateId(), key.updateType());
        return false;
    }

    private String handle(UpdateHandler handler, UpdateKind kind, Prepared prepared, int attempt) {
        Key key = prepared.key();
        try {
            handler.handle(prepared.update());
        } catch (RuntimeException e) {
            Duration retryIn = RETRIED.contains(kind) && transientFailure(e) && attempt < MAX_ATTEMPTS ? backoff(attempt) : null;
            if (retryIn == null) {
                log.error("Update {} ({}) failed on attempt {}; not retried (JSON kept in core.processed_updates). Cause: {}",
                        key.updateId(), kind.apiName(), attempt, e.toString(), e);
            } else {
                log.warn("Update {} ({}) failed on attempt {}; parked, retried in {} s. Cause: {}", key.updateId(),
                        kind.apiName(), attempt, retryIn.toSeconds(), e.toString());
            }
            try {
                processed.failed(key, e.toString(), retryIn);
            } catch (RuntimeException again) {
                log.warn("Update {} ({}): could not record the failure ({}); the retries take it when its lease ends",
                        key.updateId(), kind.apiName(), again.toString());
            }
            return retryIn == null ? "failed" : "parked";
        }
        try {
            processed.handled(key);
        } catch (RuntimeException e) {
            log.warn("Update {} ({}) handled but not marked so ({}); a retry may handle it again", key.updateId(),
                    kind.apiName(), e.toString());
        }
        return "handled";
    }

    /**
     * A failure that may pass: the database unreachable or refusing for a moment (not a constraint the update's
     * own data breaks), Telegram or the userbot not answering. A deterministic one (bad data, a bug) is not retried.
     */
    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException) {
                return false;
            }
            if (t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof UserbotUnavailableException || t instanceof UserbotFloodWaitException) {
                return true;
            }
            if (t instanceof BotApiException api) {
                return api.errorCode() == 0 || api.errorCode() == 429 || api.errorCode() >= 500;
            }
        }
        return false;
    }

    /** 30 s, doubling, at most an hour. */
    static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(3_600L, 30L << Math.min(attempt - 1, 7)));
    }

    private static UpdateKind kindOf(String apiName) {
        for (UpdateKind kind : UpdateKind.values()) {
            if (kind.apiName().equals(apiName)) {
                return kind;
            }
        }
        return UpdateKind.OTHER;
    }
}
