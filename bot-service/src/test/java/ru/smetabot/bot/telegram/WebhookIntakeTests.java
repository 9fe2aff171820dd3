package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.bot.telegram.WebhookIntake.Outcome;
import ru.smetabot.model.updates.ProcessedUpdates;
import ru.smetabot.model.updates.ProcessedUpdates.Key;

/** Webhook mode's intake: parked and taken (one statement) before handled, 503-worthy when it cannot be parked, unparsable kept. */
class WebhookIntakeTests {

    private static final String MESSAGE = """
            {"update_id":77,"message":{"message_id":1,"date":1700000000,"text":"hi",
             "chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"}}}""";

    private final ProcessedUpdates processed = mock(ProcessedUpdates.class);
    private final List<Integer> handled = new ArrayList<>();
    private final AtomicReference<String> handledText = new AtomicReference<>();
    private final UpdateHandler messages = new UpdateHandler() {
        @Override
        public UpdateKind kind() {
            return UpdateKind.MESSAGE;
        }

        @Override
        public void handle(Update update) {
            handled.add(update.getUpdateId());
            handledText.set(update.getMessage().getText());
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UpdateJson json = new UpdateJson();
    private final WebhookIntake intake = new WebhookIntake(json, new UpdateInbox(processed, json, meters),
            new UpdateDispatcher(List.of(messages), processed, new BotMetrics(meters), json),
            new UnparsedUpdates(processed, meters));

    @Test
    void anUpdateIsParkedAndTakenInOneStatementThenHandled() {
        when(processed.take(any())).thenReturn(true);

        assertThat(intake.accept(MESSAGE)).isEqualTo(Outcome.HANDLED);

        InOrder order = inOrder(processed);
        order.verify(processed).take(any());
        order.verify(processed).handled(any());
        verify(processed, never()).park(anyList());
        verify(processed, never()).takeParked(any());
        assertThat(handled).containsExactly(77);
    }

    /** Prepared once: the key parked and taken is the cleaned update's, and the handler gets that cleaned update. */
    @Test
    void theParkedUpdateIsHandedOnAsPrepared() throws Exception {
        UpdateJson counted = spy(new UpdateJson());
        WebhookIntake once = new WebhookIntake(counted, new UpdateInbox(processed, counted, meters),
                new UpdateDispatcher(List.of(messages), processed, new BotMetrics(meters), counted),
                new UnparsedUpdates(processed, meters));
        when(processed.take(any())).thenReturn(true);

        assertThat(once.accept(MESSAGE.replace("\"hi\"", "\"h\\u0000i\""))).isEqualTo(Outcome.HANDLED);

        verify(counted, times(1)).prepare(any());
        ArgumentCaptor<Key> taken = ArgumentCaptor.forClass(Key.class);
        verify(processed).take(taken.capture());
        assertThat(taken.getValue().payload()).contains("\"text\":\"hi\"");
        assertThat(taken.getValue().contentHash()).isEqualTo(counted.key(counted.read(MESSAGE)).contentHash());
        assertThat(handledText.get()).isEqualTo("hi");
    }

    @Test
    void anUpdateThatCannotBeParkedIsNotHandledAndAskedAgain() {
        doThrow(new DataAccessResourceFailureException("connection refused")).when(processed).take(any());

        assertThat(intake.accept(MESSAGE)).isEqualTo(Outcome.NOT_PARKED);

        assertThat(handled).isEmpty();
        assertThat(meters.counter("smetabot.bot.updates.park.failures").count()).isEqualTo(1);
    }

    @Test
    void aRedeliveryIsAnsweredButNotHandledTwice() {
        when(processed.take(any())).thenReturn(true).thenReturn(false);

        assertThat(intake.accept(MESSAGE)).isEqualTo(Outcome.HANDLED);
        assertThat(intake.accept(MESSAGE)).isEqualTo(Outcome.HANDLED);

        assertThat(handled).containsExactly(77);
    }

    @Test
    void aBodyThatDoesNotParseIsKeptWithItsUpdateId() {
        String broken = "{\"update_id\":78,\"message\":{\"message_id\":\"one\"}}";

        assertThat(intake.accept(broken)).isEqualTo(Outcome.UNPARSED);
        assertThat(intake.accept("not json")).isEqualTo(Outcome.UNPARSED);

        verify(processed).parkUnparsed(eq(78L), eq(broken), anyString());
        verify(processed).parkUnparsed(eq(null), eq("not json"), anyString());
        assertThat(handled).isEmpty();
    }
}
