package ru.smetabot.bot.session;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.BotProperties;

/** The initData check: this bot's token and BOT_INIT_DATA_MAX_AGE. */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    InitDataVerifier initDataVerifier(BotProperties properties, ObjectProvider<Clock> clock) {
        return new InitDataVerifier(properties.token(), properties.initDataMaxAge(), clock.getIfAvailable(Clock::systemUTC));
    }
}
