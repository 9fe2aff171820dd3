package ru.smetabot.sandbox.updates;

/**
 * A bot's webhook as setWebhook left it: where updates go, the secret sent in
 * {@code X-Telegram-Bot-Api-Secret-Token} ({@code null} when none was given) and max_connections.
 */
public record Webhook(String url, String secretToken, int maxConnections) {
}
