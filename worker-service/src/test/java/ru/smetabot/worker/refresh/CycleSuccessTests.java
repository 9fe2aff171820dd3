package ru.smetabot.worker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which periodic cycles move smetabot_refresh_periodic_last_success_timestamp_seconds (the 1 h alert). */
class CycleSuccessTests {

    @ParameterizedTest(name = "due={0} refreshed={1} failed={2} backedOff={3} -> {4}")
    @CsvSource({
            "0, 0, 0, 0, true",   // nothing to do
            "5, 1, 4, 0, true",   // one room refreshed is progress
            "5, 0, 0, 0, true",   // all busy under a manual refresh or gone: not a refresh failure
            "5, 0, 5, 0, false",  // every room failed
            "5, 0, 0, 5, false",  // every room rests after a flood wait: counts are getting old
            "5, 0, 2, 3, false",
            "5, 3, 0, 2, true"})
    void aCycleSucceedsOnlyWhenItRefreshedSomethingOrHadNothingToDo(int due, int refreshed, int failed, int backedOff,
            boolean succeeded) {
        assertThat(PeriodicRefresh.succeeded(due, refreshed, failed, backedOff)).isEqualTo(succeeded);
    }
}
