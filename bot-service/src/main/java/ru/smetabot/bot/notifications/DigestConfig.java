package ru.smetabot.bot.notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DigestConfig {

    @Bean
    DigestSchedule digestSchedule(DigestProperties properties) {
        return new DigestSchedule(properties);
    }
}
