package ru.smetabot.userbot.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.smetabot.userbot.UserbotProperties;

/**
 * Sends a request on to the instance holding its account, with the JDK's HTTP client (nothing else is needed for one
 * plain call), and counts each forward by outcome ({@code userbot.forwarded.requests}).
 */
@Component
class InstanceForwarder {

    /** Marks a forwarded request (value: the forwarding instance's id); such a request is never forwarded again. */
    static final String FORWARDED_BY = "X-Userbot-Forwarded-By";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** What the holder answered. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /** The holder could not be reached at all (nothing was sent): it is down, the request may be served elsewhere. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final Duration timeout;
    private final MeterRegistry meters;

    InstanceForwarder(UserbotProperties properties, MeterRegistry meters) {
        // The holder bounds each Telegram call by USERBOT_REQUEST_TIMEOUT; a request may make a few.
        this.timeout = properties.requestTimeout().multipliedBy(3);
        this.meters = meters;
    }

    /**
     * Forwards {@code method pathAndQuery} with these headers and body to {@code holder}; answers its reply.
     *
     * @throws Unreachable when no connection could be made
     * @throws IOException when the holder failed after the request was sent (it may have been carried out)
     */
    Answer forward(URI holder, String method, String pathAndQuery, Map<String, String> headers, byte[] body, String fromInstance)
            throws Unreachable, IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(holder.resolve(pathAndQuery)).timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_BY, fromInstance);
        headers.forEach(request::header);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "answered";
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> copied = new java.util.LinkedHashMap<>();
            for (String name : new String[] {"Content-Type", "Retry-After", "WWW-Authenticate", ServedBy.HEADER}) {
                Optional<String> value = response.headers().firstValue(name);
                value.ifPresent(v -> copied.put(name, v));
            }
            return new Answer(response.statusCode(), copied, response.body());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            outcome = "unreachable";
            throw new Unreachable(holder + " refused or did not accept the connection (" + e + ")", e);
        } catch (IOException e) {
            outcome = "failed";
            throw e;
        } finally {
            sample.stop(Timer.builder("userbot.forwarded.requests").description("Requests forwarded to the instance holding the account")
                    .tag("outcome", outcome).register(meters));
        }
    }
}
