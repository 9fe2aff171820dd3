package ru.smetabot.userbotapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the userbot's error answers (RFC 9457 problem details) into {@link UserbotException}s. */
final class UserbotErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private UserbotErrors() {
    }

    static void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Problem problem = readProblem(response);
        String where = request.getMethod() + " " + request.getURI().getPath();
        throw exception(status, problem.type(), problem.detail(),
                status == 429 ? retryAfter(response.getHeaders(), problem) : Duration.ZERO, where);
    }

    /** The exception for an error answer (also for the stop of a partial views answer). */
    static UserbotException exception(int status, URI type, String detail, Duration retryAfter, String where) {
        if (status == 429) {
            return new UserbotFloodWaitException(retryAfter, detail);
        }
        if (status >= 500) {
            return new UserbotUnavailableException(status, type, "userbot " + where + " answered " + status + ": " + detail,
                    null);
        }
        return new UserbotRejectedException(status, type, detail == null ? "userbot " + where + " answered " + status
                : detail);
    }

    static Duration retryAfter(HttpHeaders headers, Problem problem) {
        String header = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (header != null && !header.isBlank()) {
            String value = header.trim();
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.ofSeconds(Math.max(1, Duration.between(Instant.now(), at).toSeconds()));
            } catch (RuntimeException ignored) {
                // fall through to the body
            }
        }
        return Duration.ofSeconds(problem.retryAfterSeconds() > 0 ? problem.retryAfterSeconds() : 1);
    }

    private static Problem readProblem(ClientHttpResponse response) {
        try (InputStream body = response.getBody()) {
            byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
            if (bytes.length == 0) {
                return Problem.EMPTY;
            }
            JsonNode node = JSON.readTree(bytes);
            String type = node.path("type").asString(null);
            String detail = node.path("detail").asString(node.path("title").asString(null));
            return new Problem(type == null ? null : URI.create(type), detail, node.path("retryAfter").asLong(0));
        } catch (IOException | RuntimeException e) {
            return Problem.EMPTY;
        }
    }

    record Problem(URI type, String detail, long retryAfterSeconds) {
        static final Problem EMPTY = new Problem(null, null, 0);
    }
}
