package ru.smetabot.bot.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ru.smetabot.bot.telegram.WebhookIntake;
import ru.smetabot.bot.telegram.WebhookIntake.Outcome;

/**
 * Where Telegram pushes updates (BOT_WEBHOOK_PATH on the app port). A request without the right
 * X-Telegram-Bot-Api-Secret-Token is refused with 401 (compared in constant time); an update is answered 200
 * once it is parked and handled, 503 when it could not be parked (Telegram sends it again later).
 */
@RestController
@ConditionalOnProperty(name = "smetabot.bot.updates", havingValue = "webhook")
class WebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookIntake intake;
    private final byte[] secret;
    private final MeterRegistry meters;

    WebhookController(WebhookIntake intake, WebhookProperties properties, MeterRegistry meters) {
        this.intake = intake;
        this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        this.meters = meters;
    }

    @PostMapping("${smetabot.bot.webhook.path:/telegram/webhook}")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String token,
            @RequestBody(required = false) String body) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            count("unauthorized");
            log.warn("Webhook request without the right {} refused (401): not from Telegram, or BOT_WEBHOOK_SECRET "
                    + "differs from the secret registered with setWebhook", SECRET_HEADER);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Outcome outcome = intake.accept(body == null ? "" : body);
        count(outcome.name().toLowerCase(Locale.ROOT));
        return outcome == Outcome.NOT_PARKED ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()
                : ResponseEntity.ok().build();
    }

    private void count(String outcome) {
        meters.counter("smetabot.bot.webhook.requests", "outcome", outcome).increment();
    }
}
