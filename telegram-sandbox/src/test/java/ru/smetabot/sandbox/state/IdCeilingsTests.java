package ru.smetabot.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Id counters reserve ahead durably, so a start after a crash never hands out an id twice. */
class IdCeilingsTests {

    /** The disk: what was last written, and how often. */
    private static final class Disk implements IdCeilings.Store {

        Map<String, Long> saved = new HashMap<>();
        final List<Map<String, Long>> writes = new ArrayList<>();

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public Map<String, Long> load() {
            return saved;
        }

        @Override
        public void save(Map<String, Long> ceilings) {
            saved = new HashMap<>(ceilings);
            writes.add(saved);
        }
    }

    @Test
    void oneDurableWriteReservesABlockAndACrashedRunIsSkipped() {
        Disk disk = new Disk();
        IdCeilings first = new IdCeilings(disk);
        long last = 0;
        for (long candidate = 100_000_001L; candidate < 100_000_001L + 1500; candidate++) {
            last = first.take("updates:7", candidate);
            assertThat(last).isEqualTo(candidate);
        }
        assertThat(disk.writes).as("one write per %d ids", IdCeilings.BLOCK).hasSize(2);
        assertThat(disk.saved.get("updates:7")).isGreaterThan(last);

        // A crash: the saved world said the next update id was 100000001 + 1000, but 1500 were handed out.
        IdCeilings afterCrash = new IdCeilings(disk);
        assertThat(afterCrash.take("updates:7", 100_000_001L + 1000)).isGreaterThan(last);
        assertThat(afterCrash.take("user", 100_000_001L)).as("a counter never reserved starts where it is")
                .isEqualTo(100_000_001L);
    }

    @Test
    void inMemoryCountersCostNothingAndAResetStartsOver() {
        IdCeilings memory = IdCeilings.inMemory();
        assertThat(memory.take("user", 5)).isEqualTo(5);

        Disk disk = new Disk();
        disk.saved.put("user", 900L);
        IdCeilings ceilings = new IdCeilings(disk);
        ceilings.reset();
        assertThat(ceilings.take("user", 1)).as("after a reset the clean world counts from the start").isEqualTo(1);
    }
}
