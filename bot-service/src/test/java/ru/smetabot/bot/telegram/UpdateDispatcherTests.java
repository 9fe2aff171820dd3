package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import ru.smetabot.userbotapi.UserbotUnavailableException;

/** Which failed updates are parked for a retry, and how long they wait. */
class UpdateDispatcherTests {

    @Test
    void failuresThatMayPassAreRetriedOthersAreNot() {
        assertThat(UpdateDispatcher.transientFailure(new DataAccessResourceFailureException("connection refused"))).isTrue();
        assertThat(UpdateDispatcher.transientFailure(new UncategorizedSQLException("insert", "INSERT", new java.sql.SQLException("down"))))
                .isTrue();
        assertThat(UpdateDispatcher.transientFailure(new IllegalStateException("wrapped",
                new UserbotUnavailableException(0, null, "timeout", null)))).isTrue();
        assertThat(UpdateDispatcher.transientFailure(new BotApiException("sendMessage", 0, "no answer", null))).isTrue();
        assertThat(UpdateDispatcher.transientFailure(new BotApiException("sendMessage", 502, "Bad Gateway", null))).isTrue();

        assertThat(UpdateDispatcher.transientFailure(new DataIntegrityViolationException("value too long"))).isFalse();
        assertThat(UpdateDispatcher.transientFailure(new BotApiException("sendMessage", 400, "chat not found", null))).isFalse();
        assertThat(UpdateDispatcher.transientFailure(new NullPointerException())).isFalse();
    }

    @Test
    void theRetryPauseDoublesUpToAnHour() {
        assertThat(UpdateDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(UpdateDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(UpdateDispatcher.backoff(9)).isEqualTo(Duration.ofHours(1));
    }
}
