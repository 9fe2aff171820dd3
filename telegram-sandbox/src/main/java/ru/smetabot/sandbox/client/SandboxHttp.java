package ru.smetabot.sandbox.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** JSON over java.net.http with the sandbox's snake_case naming; no Spring involved. */
final class SandboxHttp {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    SandboxHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    <T> T get(String path, String auth, Class<T> type) {
        return send("GET", path, null, auth, json.constructType(type));
    }

    <T> T get(String path, String auth, JavaType type) {
        return send("GET", path, null, auth, type);
    }

    <T> T post(String path, Object body, String auth, Class<T> type) {
        return send("POST", path, body, auth, json.constructType(type));
    }

    <T> T post(String path, Object body, String auth, JavaType type) {
        return send("POST", path, body, auth, type);
    }

    <T> T delete(String path, Class<T> type) {
        return send("DELETE", path, null, null, json.constructType(type));
    }

    /** The raw body of a GET (a file's bytes). */
    byte[] bytes(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new SandboxClientException(response.statusCode(),
                        new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new SandboxClientException(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxClientException(0, "interrupted");
        }
    }

    private <T> T send(String method, String path, Object body, String auth, JavaType type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(130))
                .header("Accept", "application/json");
        if (auth != null) {
            request.header("Authorization", "Bearer " + auth);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
            if (method.equals("POST")) {
                request.header("Content-Type", "application/json");
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SandboxClientException(response.statusCode(), response.body());
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new SandboxClientException(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxClientException(0, "interrupted");
        }
    }
}
