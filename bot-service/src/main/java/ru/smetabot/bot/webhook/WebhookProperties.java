package ru.smetabot.bot.webhook;

import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook mode's settings. Bound in every mode (the application scans for settings records), so they are checked
 * by {@link #checkForWebhookMode()} when BOT_UPDATES=webhook rather than by bean validation.
 *
 * @param url            BOT_WEBHOOK_URL: the URL given to setWebhook; empty = BOT_PUBLIC_URL + {@code path}
 * @param secret         BOT_WEBHOOK_SECRET: sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; 1-256 of
 *                       A-Z a-z 0-9 _ - (Telegram's rule for secret_token)
 * @param path           BOT_WEBHOOK_PATH: where this service receives the pushes (default /telegram/webhook)
 * @param maxConnections BOT_WEBHOOK_MAX_CONNECTIONS: Telegram's parallel connections to the webhook, 1-100
 */
@ConfigurationProperties("smetabot.bot.webhook")
public record WebhookProperties(URI url, String secret, String path, Integer maxConnections) {

    /** Telegram's rule for setWebhook's secret_token. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public WebhookProperties {
        path = path == null || path.isBlank() ? "/telegram/webhook" : path;
        maxConnections = maxConnections == null ? 40 : Math.max(1, Math.min(100, maxConnections));
    }

    /** Refuses to start webhook mode without a secret Telegram accepts, naming the variable. */
    void checkForWebhookMode() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("BOT_WEBHOOK_SECRET is not set: BOT_UPDATES=webhook needs it "
                    + "(1-256 of A-Z a-z 0-9 _ -, e.g. openssl rand -hex 32)");
        }
        if (!SECRET.matcher(secret).matches()) {
            throw new IllegalStateException("BOT_WEBHOOK_SECRET may hold only A-Z a-z 0-9 _ - (1-256 characters): "
                    + "Telegram refuses other secret tokens");
        }
        if (!path.startsWith("/")) {
            throw new IllegalStateException("BOT_WEBHOOK_PATH must start with /: " + path);
        }
    }

    /** The URL registered with setWebhook: BOT_WEBHOOK_URL, or the public URL plus the path. */
    String webhookUrl(URI publicUrl) {
        if (url != null && !url.toString().isBlank()) {
            return url.toString();
        }
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Without the secret: settings get logged. */
    @Override
    public String toString() {
        return "WebhookProperties[url=" + url + ", path=" + path + ", maxConnections=" + maxConnections + "]";
    }
}
