package ru.smetabot.bot.joinrequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.Verdict;
import ru.smetabot.model.clients.ClientStatus;

class JoinRequestPolicyTests {

    static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");

    static LinkState link(Instant revoked, Instant expires, Integer limit, int approved) {
        return new LinkState(1, 1, "Кухня", revoked, expires, limit, approved);
    }

    @Test
    void approvesWhileUnderTheLimitAndDeclinesAtIt() {
        assertThat(JoinRequestPolicy.decide(link(null, null, 1, 0), null, NOW)).isEqualTo(Verdict.APPROVE);
        assertThat(JoinRequestPolicy.decide(link(null, null, 1, 1), null, NOW)).isEqualTo(Verdict.DECLINE_LIMIT);
        assertThat(JoinRequestPolicy.decide(link(null, null, 5, 4), ClientStatus.LEFT, NOW)).isEqualTo(Verdict.APPROVE);
        assertThat(JoinRequestPolicy.decide(link(null, null, null, 10_000), null, NOW)).isEqualTo(Verdict.APPROVE);
    }

    @Test
    void declinesRevokedAndExpiredLinks() {
        assertThat(JoinRequestPolicy.decide(link(NOW.minusSeconds(1), null, null, 0), null, NOW)).isEqualTo(Verdict.DECLINE_REVOKED);
        assertThat(JoinRequestPolicy.decide(link(null, NOW, null, 0), null, NOW)).isEqualTo(Verdict.DECLINE_EXPIRED);
        assertThat(JoinRequestPolicy.decide(link(null, NOW.plus(Duration.ofDays(1)), null, 0), null, NOW)).isEqualTo(Verdict.APPROVE);
    }

    @Test
    void aBannedClientIsDeclinedAndAnActiveOneIsNotCountedAgain() {
        assertThat(JoinRequestPolicy.decide(link(null, null, null, 0), ClientStatus.BANNED, NOW)).isEqualTo(Verdict.DECLINE_BANNED);
        Verdict again = JoinRequestPolicy.decide(link(null, null, 1, 1), ClientStatus.ACTIVE, NOW);
        assertThat(again).isEqualTo(Verdict.ALREADY_MEMBER);
        assertThat(again.approves()).isTrue();
        assertThat(Verdict.DECLINE_LIMIT.approves()).isFalse();
    }
}
