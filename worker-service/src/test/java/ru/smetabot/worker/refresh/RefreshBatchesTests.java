package ru.smetabot.worker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How a cycle's due rooms are cut into batches: every lane busy, no batch above the cap, every room once. */
class RefreshBatchesTests {

    @Test
    void manyRoomsGoInBatchesOfFiftyAndEveryRoomOnceInOrder() {
        List<Long> due = LongStream.rangeClosed(1, 1001).boxed().toList();

        List<List<Long>> batches = PeriodicRefresh.batches(due, 4);

        assertThat(batches).hasSize(21).allMatch(b -> b.size() <= PeriodicRefresh.ROOMS_PER_BATCH);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(due);
    }

    @Test
    void fewRoomsAreSpreadOverTheLanesSoBigRoomsAreNotReadOneAfterAnother() {
        List<Long> due = LongStream.rangeClosed(1, 10).boxed().toList();

        assertThat(PeriodicRefresh.batches(due, 4)).extracting(List::size).containsExactly(3, 3, 3, 1);
        assertThat(PeriodicRefresh.batches(List.of(7L), 4)).containsExactly(List.of(7L));
        assertThat(PeriodicRefresh.batches(List.of(), 4)).isEmpty();
    }
}
