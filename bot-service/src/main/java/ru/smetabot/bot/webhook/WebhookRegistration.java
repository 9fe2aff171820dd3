package ru.smetabot.bot.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.telegram.UpdateKind;

/**
 * Registers the webhook once this instance serves requests (setWebhook with the secret, the same allowed_updates
 * as long polling, max_connections). Every instance registers the same URL, so a restart of one changes nothing;
 * none deletes it on stop (the others still serve). A refusal stops the start with Telegram's reason.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "smetabot.bot.updates", havingValue = "webhook")
class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramClient telegram;
    private final BotProperties bot;
    private final WebhookProperties webhook;

    WebhookRegistration(TelegramClient telegram, BotProperties bot, WebhookProperties webhook) {
        this.telegram = telegram;
        this.bot = bot;
        this.webhook = webhook;
        webhook.checkForWebhookMode();
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        String url = webhook.webhookUrl(bot.publicUrl());
        try {
            telegram.execute(SetWebhook.builder().url(url).secretToken(webhook.secret())
                    .allowedUpdates(UpdateKind.allowedUpdates()).maxConnections(webhook.maxConnections()).build());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("setWebhook " + url + " at " + bot.telegramApiUrl() + " failed: " + e
                    + ". Check BOT_WEBHOOK_URL / BOT_PUBLIC_URL (Telegram wants https on port 443, 80, 88 or 8443)", e);
        }
        log.info("Webhook registered: Telegram pushes {} to {} (max {} connections)", UpdateKind.allowedUpdates(), url,
                webhook.maxConnections());
    }
}
