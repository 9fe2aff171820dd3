package ru.smetabot.userbot.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** When each account last worked and how it last failed, for /session/status. */
@Component
public class AccountActivity {

    /** The last success and the last failure of one account. */
    public record Activity(Instant lastSuccessAt, String lastError) {
    }

    private final Map<Long, Activity> byAccount = new ConcurrentHashMap<>();
    private final Clock clock;

    public AccountActivity(Clock clock) {
        this.clock = clock;
    }

    void success(long account) {
        byAccount.put(account, new Activity(clock.instant(), null));
    }

    void failure(long account, String error) {
        byAccount.compute(account, (id, old) -> new Activity(old == null ? null : old.lastSuccessAt(), error));
    }

    public Activity of(long account) {
        return byAccount.getOrDefault(account, new Activity(null, null));
    }

    public void forget(long account) {
        byAccount.remove(account);
    }
}
