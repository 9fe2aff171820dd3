package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** BOT_UPDATES takes polling or webhook; anything else would leave the bot deaf, so it stops the start. */
class UpdatesModeTests {

    @Test
    void onlyPollingAndWebhookAreAccepted() {
        assertThatCode(() -> new TelegramConfig("polling")).doesNotThrowAnyException();
        assertThatCode(() -> new TelegramConfig("webhook")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new TelegramConfig("webhooks")).hasMessage("BOT_UPDATES must be polling or webhook, not 'webhooks'");
    }
}
