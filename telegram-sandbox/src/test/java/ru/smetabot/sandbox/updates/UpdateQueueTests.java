package ru.smetabot.sandbox.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The queue alone: parking, conflicts between polls, and safety under concurrent publishers. */
class UpdateQueueTests {

    private final UpdateHub hub = new UpdateHub();

    @Test
    void aNewerPollTerminatesTheParkedOne() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();

        hub.poll(1, 0, 100, null, true, first);
        hub.poll(1, 0, 100, null, true, second);
        hub.publish(1, UpdateTypes.MESSAGE, Map.of("text", "x"));

        assertThat(first.conflicted).isTrue();
        assertThat(first.batches).isEmpty();
        assertThat(second.batches).hasSize(1);
    }

    @Test
    void concurrentPublishersLoseNothingAndIdsStayUnique() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 10_000; i++) {
            pool.submit(() -> hub.publish(2, UpdateTypes.CHAT_JOIN_REQUEST, Map.of()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<Object> ids = new ArrayList<>();
        long offset = 0;
        while (true) {
            Recorder r = new Recorder();
            hub.poll(2, offset, 100, List.of("chat_join_request"), false, r);
            List<Map<String, Object>> batch = r.batches.get(0);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(u -> ids.add(u.get("update_id")));
            offset = (Long) batch.get(batch.size() - 1).get("update_id") + 1;
        }
        assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
    }

    @Test
    void defaultAllowedUpdatesLeaveOutChatMember() {
        assertThat(UpdateTypes.allowed("chat_member", List.of())).isFalse();
        assertThat(UpdateTypes.allowed("chat_member", null)).isFalse();
        assertThat(UpdateTypes.allowed("chat_join_request", List.of())).isTrue();
        assertThat(UpdateTypes.allowed("chat_member", List.of("chat_member"))).isTrue();
    }

    @Test
    void setWebhookEndsAParkedPollAndLaterPollsConflict() {
        Recorder parked = new Recorder();
        hub.poll(3, 0, 100, null, true, parked);

        hub.setWebhook(3, new Webhook("http://localhost:1/hook", null, 40), null, false);

        assertThat(parked.conflict).isEqualTo("Conflict: terminated by setWebhook request");
        assertThatThrownBy(() -> hub.poll(3, 0, 100, null, false, new Recorder()))
                .hasMessage("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                        + "delete the webhook first");
    }

    private static final class Recorder implements UpdateWaiter {
        final List<List<Map<String, Object>>> batches = new ArrayList<>();
        boolean conflicted;
        String conflict;

        @Override
        public void deliver(List<Map<String, Object>> updates) {
            batches.add(updates);
        }

        @Override
        public void terminated(String conflict) {
            conflicted = true;
            this.conflict = conflict;
        }
    }
}
