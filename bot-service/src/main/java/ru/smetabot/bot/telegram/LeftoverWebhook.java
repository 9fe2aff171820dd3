package ru.smetabot.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Before long polling starts: a webhook left from a run in webhook mode (BOT_UPDATES=webhook, e.g. several
 * instances, then back to one) would make every getUpdates fail with 409 "can't use getUpdates method while
 * webhook is active". Telegram keeps a webhook until it is deleted, so the polling bot deletes it, keeping the
 * pending updates (drop_pending_updates false), and says so.
 */
final class LeftoverWebhook {

    private static final Logger log = LoggerFactory.getLogger(LeftoverWebhook.class);

    private LeftoverWebhook() {
    }

    static void remove(TelegramClient telegram) {
        try {
            WebhookInfo info = telegram.execute(new GetWebhookInfo());
            if (info.getUrl() == null || info.getUrl().isEmpty()) {
                return;
            }
            telegram.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
            log.warn("A webhook was set ({}, {} updates pending): deleted it to poll (BOT_UPDATES=polling); its pending "
                    + "updates come through getUpdates. Run every instance with BOT_UPDATES=webhook to keep webhooks.",
                    info.getUrl(), info.getPendingUpdatesCount());
        } catch (TelegramApiException e) {
            log.warn("Could not check for a webhook before polling ({}); if one is set, getUpdates answers 409 until it "
                    + "is deleted", e.toString());
        }
    }
}
