package ru.smetabot.sandbox.botapi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.updates.UpdateHub;
import ru.smetabot.sandbox.updates.UpdateWaiter;

/** getUpdates: an empty poll is parked (no thread held) until an update arrives or {@code timeout} passes. */
@Component
class UpdatesPoll {

    private static final int MAX_TIMEOUT_SECONDS = 50;

    private final UpdateHub hub;

    UpdatesPoll(UpdateHub hub) {
        this.hub = hub;
    }

    DeferredResult<ResponseEntity<Object>> poll(Account bot, BotRequest request) {
        long offset = Objects.requireNonNullElse(request.optionalLong("offset"), 0L);
        int limit = Objects.requireNonNullElse(request.optionalInt("limit"), 100);
        int timeout = Math.max(0, Math.min(Objects.requireNonNullElse(request.optionalInt("timeout"), 0),
                MAX_TIMEOUT_SECONDS));
        List<String> allowed = request.strings("allowed_updates");

        DeferredResult<ResponseEntity<Object>> result = timeout == 0 ? new DeferredResult<>()
                : new DeferredResult<>(timeout * 1000L, () -> BotApiReplies.ok(List.of()));
        UpdateWaiter waiter = new UpdateWaiter() {
            @Override
            public void deliver(List<Map<String, Object>> updates) {
                result.setResult(BotApiReplies.ok(updates));
            }

            @Override
            public void terminated(String conflict) {
                result.setResult(BotApiReplies.error(409, conflict, null));
            }
        };
        result.onCompletion(() -> hub.cancel(bot.id(), waiter));
        hub.poll(bot.id(), offset, limit, allowed, timeout > 0, waiter);
        return result;
    }
}
