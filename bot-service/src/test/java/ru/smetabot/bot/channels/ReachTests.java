package ru.smetabot.bot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reach: views ÷ members when the file was published, in whole percent. */
class ReachTests {

    @Test
    void wholePercentRoundedHalfUp() {
        assertThat(Reach.percent(4, 5)).isEqualTo(80);
        assertThat(Reach.percent(1, 3)).isEqualTo(33);
        assertThat(Reach.percent(2, 3)).isEqualTo(67);
        assertThat(Reach.percent(1, 200)).isEqualTo(1); // 0.5% rounds up
        assertThat(Reach.percent(0, 7)).isZero();
    }

    @Test
    void viewsOfAdminsOrLaterMembersCanPassAHundred() {
        assertThat(Reach.percent(3, 2)).isEqualTo(150);
    }

    @Test
    void noMembersAtPostingIsNoReach() {
        assertThat(Reach.percent(12, 0)).isNull();
        assertThat(new CardData.FileLine("a.pdf", 12, Instant.EPOCH).reach()).isNull();
        assertThat(new CardData.FileLine("a.pdf", 12, Instant.EPOCH, 15).reach()).isEqualTo(80);
    }
}
