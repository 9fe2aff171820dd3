package ru.smetabot.model.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

@SpringBootTest
@WithEmbeddedPostgres
class ProcessedUpdatesTests {

    @Autowired
    ProcessedUpdates updates;

    @Test
    void anUpdateIdIsClaimedOnce() {
        assertThat(updates.claim(9_000_001L, "message")).isTrue();
        assertThat(updates.claim(9_000_001L, "message")).isFalse();
        assertThat(updates.claim(9_000_002L, "callback_query")).isTrue();
    }

    @Test
    void recentClaimsSurviveTheCleanup() {
        updates.claim(9_000_100L, "message");

        updates.forgetOlderThan(Duration.ofHours(24));

        assertThat(updates.claim(9_000_100L, "message")).isFalse();
    }
}
