package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateLanesTests {

    @Test
    void eachKeyKeepsItsOrderAcrossThreadsAndEverythingQueuedRunsBeforeShutdownEnds() throws Exception {
        UpdateLanes lanes = new UpdateLanes(4);
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20_000; i++) {
            long key = i % 500;
            long sequence = i / 500;
            lanes.execute(key, () -> seen.add(new long[] {key, sequence}));
        }

        assertThat(lanes.shutdown(30, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(20_000);
        Map<Long, Long> last = new HashMap<>();
        for (long[] s : seen) {
            assertThat(s[1]).as("key %d", s[0]).isEqualTo(last.getOrDefault(s[0], -1L) + 1);
            last.put(s[0], s[1]);
        }
    }

    @Test
    void aBlockedKeyHoldsUpNoOtherKeyWhileAThreadIsFree() throws Exception {
        UpdateLanes lanes = new UpdateLanes(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(100);
        lanes.execute(1, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (long key = 2; key < 102; key++) {
            lanes.execute(key, othersDone::countDown);
        }

        // Keys sharing key 1's lane (if any) wait for it; all others run on the second thread meanwhile.
        boolean allDone = othersDone.await(10, TimeUnit.SECONDS);
        long waiting = othersDone.getCount();
        release.countDown();
        assertThat(lanes.shutdown(10, TimeUnit.SECONDS)).isTrue();

        assertThat(allDone || waiting <= 2).as("%d of 100 other keys were held up by one slow key", waiting).isTrue();
    }

    @Test
    void joinRequestsAndMembershipGoByPersonAndRoomSoOneRoomSpreadsOverLanes() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Update a = json.readValue("""
                {"update_id":1,"chat_join_request":{"chat":{"id":-100,"type":"channel"},"from":{"id":5,"is_bot":false,
                "first_name":"A"},"user_chat_id":5,"date":1}}""", Update.class);
        Update b = json.readValue("""
                {"update_id":2,"chat_join_request":{"chat":{"id":-100,"type":"channel"},"from":{"id":6,"is_bot":false,
                "first_name":"B"},"user_chat_id":6,"date":1}}""", Update.class);
        Update member = json.readValue("""
                {"update_id":3,"chat_member":{"chat":{"id":-100,"type":"channel"},"from":{"id":9,"is_bot":false,
                "first_name":"Admin"},"date":1,"old_chat_member":{"status":"left","user":{"id":5,"is_bot":false,
                "first_name":"A"}},"new_chat_member":{"status":"member","user":{"id":5,"is_bot":false,"first_name":"A"}}}}""",
                Update.class);

        assertThat(UpdateKeys.laneKey(a)).isNotEqualTo(UpdateKeys.laneKey(b));
        assertThat(UpdateKeys.laneKey(member)).isEqualTo(UpdateKeys.laneKey(a));
    }
}
