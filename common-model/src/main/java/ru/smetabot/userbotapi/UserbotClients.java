package ru.smetabot.userbotapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds the {@link UserbotApi} client bot and worker use:
 * <pre>{@code
 * @Bean UserbotApi userbotApi(...) { return UserbotClients.create(URI.create(url), token, Duration.ofSeconds(90)); }
 * }</pre>
 * Every call carries the bearer token and has a deadline (connect and read); failures arrive as
 * {@link UserbotException}s.
 */
public final class UserbotClients {

    private UserbotClients() {
    }

    /**
     * @param baseUrl the userbot, e.g. {@code http://userbot:8082}
     * @param token   USERBOT_API_TOKEN
     * @param timeout deadline for connecting and for the answer; the userbot itself gives up on
     *                Telegram earlier, so keep it above the userbot's own request deadline
     */
    public static UserbotApi create(URI baseUrl, String token, Duration timeout) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient(baseUrl, token, timeout)))
                .build()
                .createClient(UserbotApi.class);
    }

    /** The underlying RestClient, for tests and for callers that need the raw exchange. */
    public static RestClient restClient(URI baseUrl, String token, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl (USERBOT_URL) is not set");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("USERBOT_API_TOKEN is not set: the userbot refuses calls without it");
        }
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(timeout);
        return RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .requestInterceptor(UserbotClients::unreachableAsUnavailable)
                .defaultStatusHandler(status -> status.isError(), UserbotErrors::raise)
                .build();
    }

    private static ClientHttpResponse unreachableAsUnavailable(HttpRequest request, byte[] body,
            ClientHttpRequestExecution execution) {
        try {
            return execution.execute(request, body);
        } catch (IOException e) {
            throw new UserbotUnavailableException(0, null, "userbot unreachable at " + request.getURI() + ": " + e, e);
        }
    }
}
