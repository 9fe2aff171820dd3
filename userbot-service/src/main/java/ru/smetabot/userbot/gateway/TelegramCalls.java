package ru.smetabot.userbot.gateway;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every Telegram call: times it ({@code userbot.telegram.calls}, tags method and outcome),
 * records flood waits ({@code userbot.flood.wait} seconds), keeps the account's last success
 * for /session/status, and logs each failure with what an operator should do about it.
 */
@Component
public class TelegramCalls {

    private static final Logger log = LoggerFactory.getLogger(TelegramCalls.class);

    private final MeterRegistry registry;
    private final AccountActivity activity;

    public TelegramCalls(MeterRegistry registry, AccountActivity activity) {
        this.registry = registry;
        this.activity = activity;
    }

    public <T> T call(String method, long account, Supplier<T> body) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            T result = body.get();
            activity.success(account);
            return result;
        } catch (TelegramException e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            activity.failure(account, e.getMessage());
            if (e.kind() == TelegramException.Kind.FLOOD_WAIT) {
                DistributionSummary.builder("userbot.flood.wait").baseUnit("seconds").tag("method", method)
                        .register(registry).record(e.retryAfter().toSeconds());
            }
            log.warn("{} for account {} failed: {} -> {}", method, account, e.getMessage(), advice(e));
            throw e;
        } catch (RuntimeException e) {
            outcome = "error";
            activity.failure(account, e.toString());
            log.error("{} for account {} failed unexpectedly", method, account, e);
            throw e;
        } finally {
            sample.stop(Timer.builder("userbot.telegram.calls").tag("method", method).tag("outcome", outcome).register(registry));
        }
    }

    public void run(String method, long account, Runnable body) {
        call(method, account, () -> {
            body.run();
            return null;
        });
    }

    static String advice(TelegramException e) {
        return switch (e.kind()) {
            case NOT_AUTHORIZED, UNKNOWN_ACCOUNT -> "reconnect the account (POST /session/login/start), see GET /session/status";
            case NO_ACCESS -> "make this account an administrator of the channel, or read it with the account that owns it";
            case NOT_FOUND -> "check the chat id (-100…) and that the account is a member of the channel";
            case FLOOD_WAIT -> "Telegram asked to wait " + e.retryAfter().toSeconds() + " s; callers back off, nothing to do unless it repeats";
            case UNAVAILABLE -> "Telegram unreachable or slow: check the network and the TDLib log; callers retry later";
            case INVALID, WRONG_CODE, PHONE_INVALID, CODE_EXPIRED -> "the request was rejected; fix the input";
            case LOGIN_BLOCKED -> "Telegram asks for a step this service cannot take; the person finishes it in an official "
                    + "Telegram app, then connects again";
            case SESSION_UNUSABLE -> "the stored session cannot be opened: check SESSION_ENCRYPTION_KEY and SESSIONS_DIR "
                    + "(GET /session/status shows TDLib's error)";
        };
    }
}
