package ru.smetabot.bot.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;

/** The userbot client: USERBOT_URL with USERBOT_API_TOKEN, and a deadline under the 10 s a user waits. */
@Configuration(proxyBeanMethods = false)
class UserbotConfig {

    @Bean
    UserbotApi userbotApi(BotProperties properties) {
        return UserbotClients.create(properties.userbotUrl(), properties.userbotApiToken(), properties.userbotTimeout());
    }
}
