package ru.smetabot.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Webhook mode refuses a secret Telegram would refuse, naming the variable; the URL defaults to the public one. */
class WebhookPropertiesTests {

    @Test
    void aMissingOrUnacceptableSecretStopsWebhookModeNamingTheVariable() {
        assertThatThrownBy(() -> new WebhookProperties(null, "", null, null).checkForWebhookMode())
                .hasMessageStartingWith("BOT_WEBHOOK_SECRET is not set");
        assertThatThrownBy(() -> new WebhookProperties(null, "has spaces!", null, null).checkForWebhookMode())
                .hasMessageStartingWith("BOT_WEBHOOK_SECRET may hold only");
        assertThatThrownBy(() -> new WebhookProperties(null, "a".repeat(257), null, null).checkForWebhookMode())
                .hasMessageStartingWith("BOT_WEBHOOK_SECRET may hold only");
    }

    @Test
    void theUrlIsBotWebhookUrlOrThePublicUrlPlusThePath() {
        WebhookProperties byDefault = new WebhookProperties(URI.create(""), "s", null, 500);
        WebhookProperties explicit = new WebhookProperties(URI.create("https://lb.example.com/tg"), "s", "/hook", null);

        assertThat(byDefault.webhookUrl(URI.create("https://bot.example.com/"))).isEqualTo("https://bot.example.com/telegram/webhook");
        assertThat(byDefault.maxConnections()).isEqualTo(100);
        assertThat(explicit.webhookUrl(URI.create("https://bot.example.com"))).isEqualTo("https://lb.example.com/tg");
        assertThat(explicit.maxConnections()).isEqualTo(40);
    }
}
