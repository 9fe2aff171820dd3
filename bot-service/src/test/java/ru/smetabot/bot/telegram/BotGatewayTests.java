package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.bot.BotProperties;

class BotGatewayTests {

    private final TelegramClient client = mock(TelegramClient.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BotGateway gateway = new BotGateway(client, new BotMetrics(meters), new BotProperties("1:t",
            URI.create("http://localhost:1"), URI.create("http://localhost:2"), "x", null, Duration.ofMillis(500), null, null, null, null, null),
            new ScreenGuard(meters));

    @Test
    void anEditThatChangesNothingIsDone() throws Exception {
        when(client.executeAsync(any(EditMessageText.class))).thenReturn(failed(400, "Bad Request: message is not modified", null));

        gateway.edit(1, 2, Screen.text("same"));

        assertThat(meters.counter("smetabot.bot.api.errors", "method", "editMessageText", "code", "400").count()).isEqualTo(1);
    }

    @Test
    void a429IsRetriedAfterRetryAfter() throws Exception {
        Message sent = new Message();
        sent.setMessageId(5);
        when(client.executeAsync(any(SendMessage.class)))
                .thenReturn(failed(429, "Too Many Requests: retry after 1", 1), CompletableFuture.completedFuture(sent));

        long started = System.nanoTime();
        assertThat(gateway.send(1, Screen.text("hi")).getMessageId()).isEqualTo(5);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        verify(client, times(2)).executeAsync(any(SendMessage.class));
    }

    @Test
    void otherErrorsAndSilenceFailWithTheCode() throws Exception {
        when(client.executeAsync(any(SendMessage.class))).thenReturn(failed(403, "Forbidden: bot was blocked by the user", null),
                new CompletableFuture<>());

        assertThatThrownBy(() -> gateway.send(1, Screen.text("hi"))).isInstanceOfSatisfying(BotApiException.class,
                e -> assertThat(e.isForbidden()).isTrue());
        assertThatThrownBy(() -> gateway.send(1, Screen.text("hi"))).isInstanceOf(BotApiException.class)
                .hasMessageContaining("no answer");
        assertThat(meters.counter("smetabot.bot.api.errors", "method", "sendMessage", "code", "timeout").count()).isEqualTo(1);
    }

    @Test
    void aCallbackAnswerOver200CharactersIsCutAndCounted() throws Exception {
        when(client.executeAsync(any(AnswerCallbackQuery.class))).thenReturn(CompletableFuture.completedFuture(true));

        gateway.answer("q1", "⚠️ " + "ошибка ".repeat(60), true);
        gateway.answer("q2", "short", false);

        ArgumentCaptor<AnswerCallbackQuery> sent = ArgumentCaptor.forClass(AnswerCallbackQuery.class);
        verify(client, times(2)).executeAsync(sent.capture());
        assertThat(sent.getAllValues().get(0).getText()).hasSize(200).endsWith("…").startsWith("⚠️ ошибка");
        assertThat(sent.getAllValues().get(1).getText()).isEqualTo("short");
        assertThat(meters.counter("smetabot.bot.screens.cut", "what", "answer", "method", "answerCallbackQuery").count()).isEqualTo(1);
    }

    @Test
    void aTextOverTelegramsLimitIsCutAtALineWithBalancedTagsAndCounted() throws Exception {
        Message sent = new Message();
        sent.setMessageId(5);
        when(client.executeAsync(any(SendMessage.class))).thenReturn(CompletableFuture.completedFuture(sent));
        String line = "• <b>" + "&amp;".repeat(20) + "</b> " + "x".repeat(20); // 130 characters of HTML, 43 shown
        String within = String.join("\n", java.util.Collections.nCopies(60, line)); // long in HTML, < 4096 shown
        String over = String.join("\n", java.util.Collections.nCopies(120, line));

        gateway.send(1, Screen.text(within));
        gateway.send(1, Screen.text(over));

        ArgumentCaptor<SendMessage> requests = ArgumentCaptor.forClass(SendMessage.class);
        verify(client, times(2)).executeAsync(requests.capture());
        assertThat(requests.getAllValues().get(0).getText()).isEqualTo(within);
        String cut = requests.getAllValues().get(1).getText();
        WithinTelegramLimits.assertText(cut, 4096);
        assertThat(cut).startsWith(line + "\n").endsWith("\n…");
        assertThat(meters.counter("smetabot.bot.screens.cut", "what", "text", "method", "sendMessage").count()).isEqualTo(1);
    }

    @Test
    void aKeyboardOver100ButtonsKeepsTheWayBack() throws Exception {
        when(client.executeAsync(any(EditMessageText.class))).thenReturn(CompletableFuture.completedFuture(new Message()));
        ru.smetabot.bot.callbacks.Buttons keyboard = ru.smetabot.bot.callbacks.Buttons.inline();
        for (int i = 0; i < 60; i++) {
            keyboard.row(ru.smetabot.bot.callbacks.Buttons.button("a" + i, new ru.smetabot.bot.callbacks.Callback.RoomList(i)),
                    ru.smetabot.bot.callbacks.Buttons.button("b" + i, new ru.smetabot.bot.callbacks.Callback.RoomList(i)));
        }
        keyboard.row(ru.smetabot.bot.callbacks.Buttons.button("back", new ru.smetabot.bot.callbacks.Callback.RoomList(0)));

        gateway.edit(1, 2, new Screen("list", keyboard.build()));

        ArgumentCaptor<EditMessageText> request = ArgumentCaptor.forClass(EditMessageText.class);
        verify(client).executeAsync(request.capture());
        WithinTelegramLimits.assertKeyboard(request.getValue().getReplyMarkup());
        var rows = request.getValue().getReplyMarkup().getKeyboard();
        assertThat(rows.get(rows.size() - 1).get(0).getText()).isEqualTo("back");
        assertThat(meters.counter("smetabot.bot.screens.cut", "what", "keyboard", "method", "editMessageText").count()).isEqualTo(1);
    }

    @Test
    void joinRequestAnswersAreRecognisedByTheirCode() {
        assertThat(new BotApiException("approveChatJoinRequest", 400, "Bad Request: HIDE_REQUESTER_MISSING", null).isRequestMissing())
                .isTrue();
        assertThat(new BotApiException("approveChatJoinRequest", 400, "Bad Request: USER_ALREADY_PARTICIPANT", null)
                .isAlreadyParticipant()).isTrue();
        assertThat(new BotApiException("approveChatJoinRequest", 403, "Forbidden: HIDE_REQUESTER_MISSING", null).isRequestMissing())
                .isFalse();
        assertThat(new BotApiException("approveChatJoinRequest", 400, "Bad Request: chat not found", null).isAlreadyParticipant())
                .isFalse();
    }

    private static ResponseParameters retryAfter(int seconds) {
        ResponseParameters parameters = new ResponseParameters();
        parameters.setRetryAfter(seconds);
        return parameters;
    }

    private static <T extends Serializable> CompletableFuture<T> failed(int code, String description, Integer retryAfter) {
        ApiResponse<Object> response = ApiResponse.builder().ok(false).errorCode(code).errorDescription(description)
                .parameters(retryAfter == null ? null : retryAfter(retryAfter)).build();
        return CompletableFuture.failedFuture(new TelegramApiRequestException("Error executing", response));
    }
}
