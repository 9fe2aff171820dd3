package ru.smetabot.sandbox.updates;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import ru.smetabot.sandbox.state.SandboxClock;
import tools.jackson.databind.ObjectMapper;

/**
 * Pushes each bot's updates to its webhook as Telegram does: one update per POST, JSON body, the secret in
 * {@code X-Telegram-Bot-Api-Secret-Token}, the next update only after a 2xx; a non-2xx answer or a connection
 * failure is retried on {@link WebhookBackoff}'s schedule and reported by getWebhookInfo.
 */
@Component
class WebhookDelivery {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** What one POST came to: {@code error} is null on a 2xx. */
    private record Attempt(String error, int retryAfterSeconds) {
    }

    private final TaskScheduler scheduler;
    private final SandboxClock clock;
    private final ObjectMapper json;
    private final RestClient http;

    WebhookDelivery(@Qualifier(WebhookScheduling.SCHEDULER) TaskScheduler scheduler, SandboxClock clock,
                    ObjectMapper json, @Value("${sandbox.webhook-timeout:60s}") Duration timeout) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    void start(UpdateQueue queue) {
        scheduler.schedule(() -> pushNext(queue), Instant.now());
    }

    private void pushNext(UpdateQueue queue) {
        UpdateQueue.Outgoing next = queue.nextOutgoing(clock.now());
        if (next == null) {
            return;
        }
        Attempt attempt = post(next);
        if (attempt.error() == null) {
            queue.delivered(next.updateId());
            scheduler.schedule(() -> pushNext(queue), Instant.now());
            return;
        }
        Duration wait = queue.failed(next.updateId(), attempt.error(), attempt.retryAfterSeconds(), clock.now());
        log.warn("Webhook {} refused update {}: {}; next attempt in {} s", next.webhook().url(), next.updateId(),
                attempt.error(), wait.toSeconds());
        scheduler.schedule(() -> pushNext(queue), Instant.now().plus(wait));
    }

    private Attempt post(UpdateQueue.Outgoing next) {
        try {
            return http.post().uri(next.webhook().url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (next.webhook().secretToken() != null) {
                            h.set(SECRET_HEADER, next.webhook().secretToken());
                        }
                    })
                    .body(json.writeValueAsString(next.update()))
                    .exchange((request, response) -> {
                        int code = response.getStatusCode().value();
                        if (code >= 200 && code <= 299) {
                            return new Attempt(null, 0);
                        }
                        HttpStatus status = HttpStatus.resolve(code);
                        String reason = status == null ? "" : status.getReasonPhrase();
                        return new Attempt("Wrong response from the webhook: " + code + " " + reason,
                                retryAfter(response.getHeaders().getFirst("Retry-After")));
                    });
        } catch (ResourceAccessException e) {
            return new Attempt(connectionError(e), 0);
        } catch (RuntimeException e) {
            return new Attempt("Webhook connection closed", 0);
        }
    }

    /** Telegram's texts for a webhook it could not talk to (getWebhookInfo last_error_message). */
    private static String connectionError(ResourceAccessException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return "Connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "Read timeout expired";
        }
        return cause instanceof IOException ? "Webhook connection closed" : "Connection refused";
    }

    private static int retryAfter(String header) {
        try {
            return header == null ? 0 : Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
