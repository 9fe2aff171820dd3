package ru.smetabot.sandbox.botapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.UpdateHub;
import ru.smetabot.sandbox.updates.Webhook;
import ru.smetabot.sandbox.updates.WebhookStatus;

/**
 * setWebhook, deleteWebhook and getWebhookInfo with Telegram's checks. The one deliberate difference: besides
 * Telegram's https URLs on ports 443, 80, 88 and 8443, plain http to this machine (localhost, 127.0.0.1, [::1])
 * is accepted, because the local suite has no certificates (the Bot API server's own --local mode allows it too).
 */
@Component
class WebhookMethods implements BotMethodGroup {

    private static final Set<Integer> HTTPS_PORTS = Set.of(443, 80, 88, 8443);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final int SECRET_MAX = 256;
    private static final int DEFAULT_MAX_CONNECTIONS = 40;
    private static final int MAX_CONNECTIONS_LIMIT = 100;

    private final UpdateHub hub;

    WebhookMethods(UpdateHub hub) {
        this.hub = hub;
    }

    @Override
    public Map<String, BotMethod> methods() {
        return Map.of(
                "setWebhook", this::setWebhook,
                "deleteWebhook", (bot, r) -> {
                    hub.deleteWebhook(bot.id(), r.bool("drop_pending_updates"));
                    return true;
                },
                "getWebhookInfo", (bot, r) -> info(hub.webhookStatus(bot.id())));
    }

    private Object setWebhook(Account bot, BotRequest request) {
        String url = Objects.requireNonNullElse(request.string("url"), "").trim();
        boolean drop = request.bool("drop_pending_updates");
        if (url.isEmpty()) {
            hub.deleteWebhook(bot.id(), drop);
            return true;
        }
        checkUrl(url);
        String secret = request.string("secret_token");
        if (secret != null && secret.isEmpty()) {
            secret = null;
        }
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw SandboxException.badRequest("secret token contains unallowed characters", null);
        }
        if (secret != null && secret.length() > SECRET_MAX) {
            throw SandboxException.badRequest("secret token is too long", null);
        }
        int maxConnections = Math.max(1, Math.min(MAX_CONNECTIONS_LIMIT,
                Objects.requireNonNullElse(request.optionalInt("max_connections"), DEFAULT_MAX_CONNECTIONS)));
        hub.setWebhook(bot.id(), new Webhook(url, secret, maxConnections), request.strings("allowed_updates"), drop);
        return true;
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw SandboxException.badRequest("invalid webhook URL specified", null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw SandboxException.badRequest("invalid webhook URL specified", null);
        }
        if (scheme.equals("http")) {
            if (!LOCAL_HOSTS.contains(uri.getHost().toLowerCase())) {
                throw SandboxException.badRequest("bad webhook: An HTTPS URL must be provided for webhook", null);
            }
            return;
        }
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        if (!HTTPS_PORTS.contains(port)) {
            throw SandboxException.badRequest(
                    "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443", null);
        }
    }

    /** WebhookInfo: optional fields are left out when they have no value, as Telegram does. */
    private static Map<String, Object> info(WebhookStatus status) {
        Webhook webhook = status.webhook();
        return Json.obj("url", webhook == null ? "" : webhook.url(),
                "has_custom_certificate", false,
                "pending_update_count", status.pendingUpdateCount(),
                "last_error_date", status.lastErrorDate() == 0 ? null : status.lastErrorDate(),
                "last_error_message", status.lastErrorMessage(),
                "max_connections", webhook == null ? null : webhook.maxConnections(),
                "allowed_updates", webhook == null || status.allowedUpdates().isEmpty()
                        ? null : status.allowedUpdates());
    }
}
