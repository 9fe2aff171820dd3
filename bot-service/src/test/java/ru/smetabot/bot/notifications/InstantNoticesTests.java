package ru.smetabot.bot.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.contractors.ContractorRepository;

/** A notice goes out only in "⚡ Сразу", in the owner's language; the daily mode and "off" send nothing now. */
class InstantNoticesTests {

    private final NotificationSettings settings = mock(NotificationSettings.class);
    private final ContractorRepository contractors = mock(ContractorRepository.class);
    private final BotGateway gateway = mock(BotGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InstantNotices notices = new InstantNotices(settings, contractors, gateway, meters);

    @Test
    void instantModeSendsTheTextInTheOwnersLanguage() {
        when(settings.mode(7)).thenReturn(NotificationMode.INSTANT);
        when(contractors.findById(3L)).thenReturn(Optional.of(new Contractor(555, "ivan", "Ivan", "en")));

        notices.tell(7, 3, NoticeKind.CLIENT_LEFT, locale -> locale == Texts.ENGLISH ? "left" : "вышел");

        ArgumentCaptor<Screen> sent = ArgumentCaptor.forClass(Screen.class);
        verify(gateway).send(eq(555L), sent.capture());
        assertThat(sent.getValue().text()).isEqualTo("left");
        assertThat(count("client_left", "sent")).isEqualTo(1);
    }

    @Test
    void dailyAndOffSendNothingNowAndAreCounted() {
        when(settings.mode(7)).thenReturn(NotificationMode.DAILY);
        when(settings.mode(8)).thenReturn(NotificationMode.OFF);

        notices.tell(7, 3, NoticeKind.ACKNOWLEDGED, locale -> "x");
        notices.tell(8, 3, NoticeKind.FIRST_VIEWS, locale -> "x");

        verify(gateway, never()).send(anyLong(), any());
        assertThat(count("acknowledged", "digest")).isEqualTo(1);
        assertThat(count("first_views", "off")).isEqualTo(1);
    }

    @Test
    void aRefusalFromTelegramIsCountedNotThrown() {
        when(settings.mode(7)).thenReturn(NotificationMode.INSTANT);
        when(contractors.findById(3L)).thenReturn(Optional.of(new Contractor(555, "ivan", "Ivan", "ru")));
        when(gateway.send(anyLong(), any())).thenThrow(new BotApiException("sendMessage", 403,
                "Forbidden: bot was blocked by the user", null));

        notices.tell(7, 3, NoticeKind.JOINED_WITHOUT_REQUEST, locale -> "x");

        assertThat(count("joined_without_request", "failed")).isEqualTo(1);
    }

    private double count(String kind, String outcome) {
        return meters.counter("smetabot.bot.notices", "kind", kind, "outcome", outcome).count();
    }
}
