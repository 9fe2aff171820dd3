package ru.smetabot.model.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.model.updates.ProcessedUpdates.Key;

@SpringBootTest
@WithEmbeddedPostgres
class ProcessedUpdatesTests {

    @Autowired
    ProcessedUpdates updates;

    @Autowired
    JdbcClient jdbc;

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

    /** A batch parked in one statement: the redelivered ones inside it stay as they were, the new ones are parked once. */
    @Test
    void aBatchParkedInOneStatementKeepsRedeliveriesOut() {
        Key handledBefore = key(9_000_200L, "h");
        Key takenBefore = key(9_000_201L, "t");
        Key fresh = key(9_000_202L, "f");
        Key reusedId = key(9_000_200L, "new update, same id");
        assertThat(updates.take(handledBefore)).isTrue();
        updates.handled(handledBefore);
        assertThat(updates.take(takenBefore)).isTrue();

        updates.park(List.of(handledBefore, takenBefore, fresh, reusedId, fresh));

        assertThat(updates.takeParked(handledBefore)).as("handled before the batch").isFalse();
        assertThat(updates.takeParked(takenBefore)).as("in hand before the batch").isFalse();
        assertThat(updates.takeParked(fresh)).isTrue();
        assertThat(updates.takeParked(fresh)).as("parked twice in the batch, taken once").isFalse();
        assertThat(updates.take(fresh)).isFalse();
        assertThat(updates.takeParked(reusedId)).as("same id, other content: a new update").isTrue();
    }

    /** One statement: a batch with a row the table refuses parks none of it (one INSERT per update parked the first). */
    @Test
    void aBatchIsParkedWhollyOrNotAtAll() {
        Key first = key(9_000_300L, "ok");
        Key refused = new Key(9_000_301L, "no type", null, "{}");

        assertThatThrownBy(() -> updates.park(List.of(first, refused))).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(updates.takeParked(first)).as("not parked: no row to take").isFalse();
        assertThat(updates.take(first)).isTrue();
    }

    @Test
    void aParkedUpdateTheRetriesTookIsNotTakenByItsLane() {
        Key parked = key(9_000_400L, "r");
        updates.park(List.of(parked));
        jdbc.sql("UPDATE core.processed_updates SET next_attempt_at = now() WHERE update_id = 9000400").update();

        assertThat(updates.takeDue(1_000)).anyMatch(d -> d.key().updateId() == 9_000_400L && d.attempts() == 1);

        assertThat(updates.takeParked(parked)).isFalse();
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
