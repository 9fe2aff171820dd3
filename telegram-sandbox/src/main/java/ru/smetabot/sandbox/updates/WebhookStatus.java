package ru.smetabot.sandbox.updates;

import java.util.List;

/**
 * What getWebhookInfo reports: {@code webhook} is {@code null} when none is set; the last error's date is Unix
 * time ({@code 0} when there was none); {@code allowedUpdates} is the bot's current setting (empty = default).
 */
public record WebhookStatus(Webhook webhook, int pendingUpdateCount, long lastErrorDate, String lastErrorMessage,
                            List<String> allowedUpdates) {
}
