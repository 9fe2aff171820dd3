package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.model.updates.ProcessedUpdates;
import ru.smetabot.model.updates.ProcessedUpdates.Key;

/** The poller's hand-over: a batch parked in one call, each update prepared once, the lanes taking what was parked. */
class BotPollerTests {

    private final ProcessedUpdates processed = mock(ProcessedUpdates.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UpdateJson json = spy(new UpdateJson());
    private final List<Update> handled = new CopyOnWriteArrayList<>();
    private final UpdateHandler messages = new UpdateHandler() {
        @Override
        public UpdateKind kind() {
            return UpdateKind.MESSAGE;
        }

        @Override
        public void handle(Update update) {
            handled.add(update);
        }
    };
    private final BotPoller poller = new BotPoller(
            new BotProperties("1:t", URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9"), "u", null, null,
                    null, 2, null, null, null),
            () -> { }, TelegramUrl.DEFAULT_URL,
            new UpdateDispatcher(List.of(messages), processed, new BotMetrics(meters), json),
            new UpdateInbox(processed, json, meters), new UnparsedUpdates(processed, meters));

    @Test
    void aBatchIsParkedOnceAndEachUpdateIsPreparedOnce() {
        when(processed.takeParked(any())).thenReturn(true);
        poller.openLanes();

        poller.consume(List.of(message(201, "h\u0000i"), callback(202), message(203, "two")));
        poller.stop(); // the lanes finish what they hold

        verify(json, times(2)).prepare(any());
        ArgumentCaptor<List<Key>> parked = ArgumentCaptor.captor();
        verify(processed, times(1)).park(parked.capture());
        assertThat(parked.getValue()).extracting(Key::updateId).containsExactly(201L, 203L);
        for (Key key : parked.getValue()) {
            verify(processed).takeParked(key);
            verify(processed).handled(key);
        }
        verify(processed, never()).take(any());
        assertThat(handled).extracting(u -> u.getMessage().getText()).containsExactlyInAnyOrder("hi", "two");
        assertThat(meters.counter("smetabot.bot.updates", "type", "callback_query", "outcome", "ignored").count()).isEqualTo(1);
    }

    @Test
    void aRedeliveryParkedAgainIsNotHandledAgain() {
        when(processed.takeParked(any())).thenReturn(true).thenReturn(false);
        poller.openLanes();

        poller.consume(List.of(message(301, "once")));
        poller.consume(List.of(message(301, "once")));
        poller.stop();

        verify(processed, times(2)).park(any());
        assertThat(handled).hasSize(1);
        assertThat(meters.counter("smetabot.bot.updates", "type", "message", "outcome", "duplicate").count()).isEqualTo(1);
    }

    private static Update message(int id, String text) {
        Message message = new Message();
        message.setMessageId(id);
        message.setText(text);
        message.setDate(1_700_000_000);
        message.setChat(Chat.builder().id(5L).type("private").build());
        message.setFrom(User.builder().id(5L).firstName("A").isBot(false).build());
        Update update = new Update();
        update.setUpdateId(id);
        update.setMessage(message);
        return update;
    }

    private static Update callback(int id) {
        CallbackQuery query = new CallbackQuery();
        query.setId("q" + id);
        query.setFrom(User.builder().id(6L).firstName("B").isBot(false).build());
        query.setData("x");
        Update update = new Update();
        update.setUpdateId(id);
        update.setCallbackQuery(query);
        return update;
    }
}
