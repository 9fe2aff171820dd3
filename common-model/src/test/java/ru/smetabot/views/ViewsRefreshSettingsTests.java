package ru.smetabot.views;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids per userbot call: up to 100, or whole Telegram batches of 100 so Telegram's calls stay ceil(posts/100). */
class ViewsRefreshSettingsTests {

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100, 200, 1000, 10_000})
    void acceptsUpToOneHundredOrWholeHundreds(int ids) {
        assertThatCode(() -> settings(ids)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 150, 1050, 10_100})
    void refusesPartBatchesAndOutOfRange(int ids) {
        assertThatThrownBy(() -> settings(ids)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VIEWS_IDS_PER_CALL");
    }

    private static ViewsRefreshSettings settings(int ids) {
        return new ViewsRefreshSettings(ids, Duration.ofMinutes(2), Duration.ofMinutes(5));
    }
}
