package ru.smetabot.userbot.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import ru.smetabot.userbot.gateway.TelegramErrors;
import ru.smetabot.userbot.gateway.TelegramException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to the sandbox's MTProto side, with a deadline; its errors become {@link TelegramException}s. */
final class SandboxHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    SandboxHttp(URI sandboxUrl, Duration timeout) {
        this.base = URI.create(sandboxUrl.toString().replaceFirst("/$", "") + "/sandbox/mtproto");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    JsonNode get(String method, String path, String session) {
        return send(method, HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET(), session);
    }

    JsonNode post(String method, String path, Object body, String session) {
        String json = body == null ? "{}" : JSON.writeValueAsString(body);
        return send(method, HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), session);
    }

    private JsonNode send(String method, HttpRequest.Builder request, String session) {
        request.timeout(timeout);
        if (session != null) {
            request.header("Authorization", "Bearer " + session);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TelegramException(TelegramException.Kind.UNAVAILABLE, 0, "sandbox " + method + " unreachable at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException(TelegramException.Kind.UNAVAILABLE, 0, "interrupted calling sandbox " + method);
        }
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            String message = body.path("error_message").asString("HTTP " + response.statusCode());
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            if (retryAfter != null && !message.contains("FLOOD_WAIT_")) {
                message = "FLOOD_WAIT_" + retryAfter;
            }
            throw TelegramErrors.of(method, body.path("error_code").asInt(response.statusCode()), message);
        }
        return body;
    }
}
