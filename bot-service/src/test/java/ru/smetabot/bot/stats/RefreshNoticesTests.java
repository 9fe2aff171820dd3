package ru.smetabot.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.channels.CardData;
import ru.smetabot.bot.channels.CardNotice;
import ru.smetabot.bot.channels.CardView;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.views.FailureReason;
import ru.smetabot.views.RefreshSummary;
import ru.smetabot.views.RefreshSummary.Outcome;

/** What the card says when the refresh did not bring fresh numbers: the flood text only for a flood wait. */
class RefreshNoticesTests {

    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    private final Texts texts = new Texts();
    private final CardData card = new CardData(7, "Орлова — склад", 1, 1, NOW.minusSeconds(600),
            List.of(new CardData.FileLine("store.pdf", 1, NOW.minusSeconds(3600))), 0, 1, null);

    @Test
    void aRoomRestingAfterNotAuthorizedSaysTheAccountIsNotConnectedNotAFloodWait() {
        CardNotice notice = RefreshNotices.of(backedOff(FailureReason.NOT_AUTHORIZED, 90), NOW);

        assertThat(notice).isEqualTo(CardNotice.other("not_authorized"));
        assertThat(cardText(notice)).contains("⚠️ Не удалось обновить: аккаунт не подключён")
                .doesNotContain("Telegram просит подождать");
    }

    @Test
    void aRoomRestingAfterAFloodWaitSaysHowLongTelegramAskedToWait() {
        CardNotice notice = RefreshNotices.of(backedOff(FailureReason.FLOOD_WAIT, 42), NOW);

        assertThat(notice).isEqualTo(CardNotice.floodWait(42));
        assertThat(cardText(notice)).contains("⚠️ Telegram просит подождать 42 с.");
    }

    @Test
    void eachOtherReasonOfABackOffIsNamedAsItIs() {
        assertThat(RefreshNotices.of(backedOff(FailureReason.USERBOT_UNAVAILABLE, 60), NOW))
                .isEqualTo(CardNotice.unavailable());
        assertThat(cardText(RefreshNotices.of(backedOff(FailureReason.NO_ACCESS, 60), NOW)))
                .contains("ваш аккаунт не администратор канала").doesNotContain("Telegram просит подождать");
        assertThat(cardText(RefreshNotices.of(backedOff(FailureReason.CHAT_NOT_FOUND, 60), NOW)))
                .contains("канал не найден");
        assertThat(cardText(RefreshNotices.of(backedOff(null, 60), NOW)))
                .contains("обновление отложено после ошибки").doesNotContain("Telegram просит подождать");
    }

    @Test
    void failedRunsAndBusyRoomsKeepTheirNotices() {
        RefreshSummary flood = new RefreshSummary(7, Outcome.FAILED, 1, 0, 0, 0, 1, 1, Duration.ZERO,
                FailureReason.FLOOD_WAIT, NOW.plusSeconds(20), "FLOOD_WAIT_20", 5L);
        RefreshSummary busy = new RefreshSummary(7, Outcome.BUSY, 0, 0, 0, 0, 0, 0, Duration.ZERO, null, null, null, null);

        assertThat(RefreshNotices.of(flood, NOW)).isEqualTo(CardNotice.floodWait(20));
        assertThat(RefreshNotices.of(busy, NOW)).isEqualTo(CardNotice.other("busy"));
    }

    @Test
    void theMetricTagOfABackOffStaysBackedOff() {
        assertThat(RefreshNotices.outcomeTag(backedOff(FailureReason.NOT_AUTHORIZED, 60))).isEqualTo("backed_off");
        assertThat(RefreshNotices.outcomeTag(new RefreshSummary(7, Outcome.FAILED, 1, 0, 0, 0, 1, 1, Duration.ZERO,
                FailureReason.NOT_AUTHORIZED, NOW.plusSeconds(60), null, 5L))).isEqualTo("failed_not_authorized");
    }

    private static RefreshSummary backedOff(FailureReason reason, long seconds) {
        return new RefreshSummary(7, Outcome.BACKED_OFF, 0, 0, 0, 0, 0, 0, Duration.ZERO, reason,
                NOW.plusSeconds(seconds), null, null);
    }

    private String cardText(CardNotice notice) {
        return CardView.render(card.withNotice(notice), texts, Texts.RUSSIAN, ZoneId.of("Europe/Moscow")).text();
    }
}
