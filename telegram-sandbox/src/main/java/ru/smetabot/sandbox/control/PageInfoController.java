package ru.smetabot.sandbox.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.updates.Json;

/**
 * What the page needs to guide a person: the sign-in code to type in a Mini App, and the guided demo.
 * The demo is not the sandbox's: ./run-local --demo serves it on loopback (it knows every service) and
 * passes its URL as {@code sandbox.demo-url}; the sandbox only relays the page's button to it, so the page
 * needs no cross-origin call. Without that URL the page hides the button.
 */
@RestController
@RequestMapping("/sandbox/api")
class PageInfoController {

    private static final Logger log = LoggerFactory.getLogger(PageInfoController.class);

    private final SandboxProperties properties;
    private final String demoUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    PageInfoController(SandboxProperties properties, @Value("${sandbox.demo-url:}") String demoUrl) {
        this.properties = properties;
        this.demoUrl = demoUrl == null ? "" : demoUrl.trim();
    }

    /** {@code {"login_code":"12345","demo":true|false}}. */
    @GetMapping("/info")
    Map<String, Object> info() {
        return Json.obj("login_code", properties.loginCode(), "demo", !demoUrl.isEmpty());
    }

    /** Starts the demo (the launcher answers at once and runs it in the background). */
    @PostMapping("/demo")
    ResponseEntity<String> startDemo() {
        return relay(HttpRequest.newBuilder(demoUri()).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The demo's progress: {@code {"state":"running"|"done"|"failed","step",…}} as the launcher reports it. */
    @GetMapping("/demo")
    ResponseEntity<String> demoStatus() {
        return relay(HttpRequest.newBuilder(demoUri()).GET());
    }

    private URI demoUri() {
        if (demoUrl.isEmpty()) {
            throw new SandboxException(404, "Not Found: no demo configured (sandbox.demo-url)",
                    null);
        }
        return URI.create(demoUrl);
    }

    private ResponseEntity<String> relay(HttpRequest.Builder request) {
        try {
            HttpResponse<String> reply = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return ResponseEntity.status(reply.statusCode()).contentType(MediaType.APPLICATION_JSON).body(reply.body());
        } catch (IOException e) {
            log.warn("The demo at {} did not answer ({}); is ./run-local --demo still running?", demoUrl, e.toString());
            return ResponseEntity.status(502).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"the demo runner did not answer\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(503).build();
        }
    }
}
