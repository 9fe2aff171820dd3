package ru.smetabot.model.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.model.updates.ProcessedUpdates.Key;

@SpringBootTest
@WithEmbeddedPostgres
class ProcessedUpdatesTests {

    @Autowired
    ProcessedUpdates updates;

    @Test
    void anUpdateIsTakenOnce() {
        assertThat(updates.take(key(9_000_001L, "a"))).isTrue();
        assertThat(updates.take(key(9_000_001L, "a"))).isFalse();
        assertThat(updates.take(key(9_000_002L, "a"))).isTrue();
    }

    /** Issue 15 defect 6: Telegram restarts update_id at a random value after a week without updates. */
    @Test
    void updateIdRestartedByTelegramIsNotTakenForARedelivery() {
        assertThat(updates.take(key(9_000_050L, "old content"))).isTrue();
        updates.handled(key(9_000_050L, "old content"));

        assertThat(updates.take(key(9_000_050L, "new update, same id"))).isTrue();
    }

    @Test
    void aParkedUpdateIsTakenOnceAndAFailedOneComesBackWhenDue() {
        Key parked = key(9_000_070L, "p");
        updates.park(List.of(parked));
        updates.park(List.of(parked));
        assertThat(updates.take(parked)).isTrue();
        assertThat(updates.take(parked)).isFalse();

        updates.failed(parked, "database down", Duration.ZERO);

        List<ProcessedUpdates.Due> due = updates.takeDue(1_000);
        assertThat(due).filteredOn(d -> d.key().updateId() == 9_000_070L).singleElement()
                .satisfies(d -> assertThat(d.key().payload()).isEqualTo("{\"update_id\":9000070}"))
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(updates.takeDue(1_000)).noneMatch(d -> d.key().updateId() == 9_000_070L);
    }

    @Test
    void recentClaimsSurviveTheCleanup() {
        updates.take(key(9_000_100L, "c"));
        updates.handled(key(9_000_100L, "c"));

        updates.forgetOlderThan(Duration.ofHours(24));

        assertThat(updates.take(key(9_000_100L, "c"))).isFalse();
    }

    private static Key key(long id, String hash) {
        return new Key(id, hash, "message", "{\"update_id\":" + id + "}");
    }
}
