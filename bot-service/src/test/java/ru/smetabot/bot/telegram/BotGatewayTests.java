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
            URI.create("http://localhost:1"), URI.create("http://localhost:2"), "x", null, Duration.ofMillis(500), null, null, null, null, null));

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
