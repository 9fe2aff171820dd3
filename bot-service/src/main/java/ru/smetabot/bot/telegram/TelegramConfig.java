package ru.smetabot.bot.telegram;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.bot.BotProperties;

/** The Bot API client and, in polling mode, the poller, pointed at TELEGRAM_API_URL (real Telegram or the sandbox). */
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    /** BOT_UPDATES: anything but polling or webhook would leave the bot deaf, so it stops the start instead. */
    TelegramConfig(@Value("${smetabot.bot.updates:polling}") String updates) {
        if (!updates.equals("polling") && !updates.equals("webhook")) {
            throw new IllegalStateException("BOT_UPDATES must be polling or webhook, not '" + updates + "'");
        }
    }

    @Bean
    TelegramUrl telegramUrl(BotProperties properties) {
        return telegramUrlOf(properties.telegramApiUrl());
    }

    @Bean
    TelegramClient telegramClient(BotProperties properties, TelegramUrl url) {
        return new OkHttpTelegramClient(properties.token(), url);
    }

    /**
     * Long polling, unless BOT_UPDATES=webhook (then {@link WebhookIntake} takes the updates); off
     * (smetabot.bot.polling=false) also in tests that need the context without a Bot API.
     */
    @Bean
    @ConditionalOnExpression("${smetabot.bot.polling:true} and '${smetabot.bot.updates:polling}' == 'polling'")
    BotPoller botPoller(BotProperties properties, TelegramUrl url, TelegramClient telegram, UpdateDispatcher dispatcher,
            UpdateInbox inbox, UnparsedUpdates unparsed) {
        return new BotPoller(properties, () -> LeftoverWebhook.remove(telegram), url, dispatcher, inbox, unparsed);
    }

    static TelegramUrl telegramUrlOf(URI uri) {
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return TelegramUrl.builder().schema(scheme).host(uri.getHost()).port(port).testServer(false).build();
    }
}
