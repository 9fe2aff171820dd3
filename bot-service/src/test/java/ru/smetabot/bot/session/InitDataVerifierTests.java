package ru.smetabot.bot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.smetabot.sandbox.webapps.InitDataSigner;

class InitDataVerifierTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final InitDataVerifier verifier = new InitDataVerifier(MiniAppInitData.TOKEN, Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void validInitDataNamesTheUserWhoOpenedThePage() {
        InitData user = verifier.verify(MiniAppInitData.of(501, "anna", NOW.minusSeconds(30)));

        assertThat(user.userId()).isEqualTo(501);
        assertThat(user.username()).isEqualTo("anna");
        assertThat(user.languageCode()).isEqualTo("ru");
        assertThat(user.displayName()).isEqualTo("@anna");
        assertThat(user.authDate()).isEqualTo(NOW.minusSeconds(30));
    }

    @Test
    void aChangedFieldOrAnotherBotsTokenIsForged() {
        String valid = MiniAppInitData.of(501, "anna", NOW);
        String otherUser = valid.replace("%22id%22%3A501", "%22id%22%3A502");

        assertThat(otherUser).isNotEqualTo(valid);
        assertRefused(otherUser, "forged");
        assertRefused(MiniAppInitData.of(501, "anna", NOW, "7200001:another-token"), "forged");
        assertRefused(valid.replaceAll("hash=[0-9a-f]+", "hash=" + "0".repeat(64)), "forged");
    }

    @Test
    void staleOrFutureAuthDateIsRefused() {
        assertRefused(MiniAppInitData.of(501, "anna", NOW.minus(Duration.ofHours(1)).minusSeconds(1)), "stale");
        assertRefused(MiniAppInitData.of(501, "anna", NOW.plus(Duration.ofMinutes(10))), "stale");
        assertThat(verifier.verify(MiniAppInitData.of(501, "anna", NOW.minus(Duration.ofMinutes(59)))).userId()).isEqualTo(501);
    }

    @Test
    void initDataWithoutUserOrHashOrAtAllIsRefused() {
        String noUser = InitDataSigner.sign(Map.of("query_id", "AAE", "auth_date", Long.toString(NOW.getEpochSecond())),
                MiniAppInitData.TOKEN);

        assertRefused(noUser, "no_user");
        assertRefused(MiniAppInitData.of(501, "anna", NOW).replaceAll("&hash=[0-9a-f]+", ""), "malformed");
        assertRefused(null, "missing");
        assertRefused("", "missing");
        assertRefused("garbage", "malformed");
    }

    private void assertRefused(String initData, String reason) {
        assertThatThrownBy(() -> verifier.verify(initData)).isInstanceOfSatisfying(InvalidInitDataException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
