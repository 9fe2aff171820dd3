package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.model.updates.ProcessedUpdates;

/** Issue 15 defect 5: a batch is not confirmed to Telegram (the poller does not go on) before it is parked. */
class UpdateInboxTests {

    private final ProcessedUpdates processed = mock(ProcessedUpdates.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UpdateInbox inbox = new UpdateInbox(processed, new UpdateJson(), meters);

    @Test
    void updatesArrivingWhileThePostgresIsDownWaitUntilTheyAreParked() {
        doThrow(new DataAccessResourceFailureException("connection refused"))
                .doThrow(new DataAccessResourceFailureException("connection refused"))
                .doNothing().when(processed).park(anyList());

        assertThat(inbox.park(List.of(update(41)), () -> true)).isPresent();

        verify(processed, times(3)).park(anyList());
        assertThat(meters.counter("smetabot.bot.updates.park.failures").count()).isEqualTo(2);
    }

    @Test
    void stoppingGivesUpWithoutConfirming() {
        doThrow(new DataAccessResourceFailureException("connection refused")).when(processed).park(anyList());

        assertThat(inbox.park(List.of(update(42)), () -> false)).isEmpty();
    }

    /** The lanes get the batch as it was parked: in order, cleaned, with the keys written (no second prepare). */
    @Test
    void theBatchComesBackPreparedAsItWasParked() {
        Update dirty = update(45);
        dirty.getMessage().setText("h\u0000i");

        List<UpdateJson.Prepared> prepared = inbox.park(List.of(update(44), dirty), () -> true).orElseThrow();

        ArgumentCaptor<List<ProcessedUpdates.Key>> parked = ArgumentCaptor.captor();
        verify(processed).park(parked.capture());
        assertThat(prepared).extracting(UpdateJson.Prepared::key).isEqualTo(parked.getValue());
        assertThat(prepared).extracting(p -> p.update().getUpdateId()).containsExactly(44, 45);
        assertThat(prepared.get(1).update().getMessage().getText()).isEqualTo("hi");
    }

    @Test
    void theParkedKeyIsTheOneTheDispatcherTakes() {
        doNothing().when(processed).park(anyList());
        UpdateJson json = new UpdateJson();

        assertThat(json.key(update(43))).isEqualTo(json.key(update(43)));
        assertThat(json.key(update(43)).contentHash()).isNotEqualTo(json.key(update(44)).contentHash());
    }

    private static Update update(int id) {
        Update update = new Update();
        update.setUpdateId(id);
        org.telegram.telegrambots.meta.api.objects.message.Message message = new org.telegram.telegrambots.meta.api.objects.message.Message();
        message.setMessageId(1);
        message.setText("hi " + id);
        message.setDate(1_700_000_000);
        message.setChat(org.telegram.telegrambots.meta.api.objects.chat.Chat.builder().id(5L).type("private").build());
        update.setMessage(message);
        return update;
    }
}
