package ru.smetabot.bot.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TextsConfig {

    @Bean
    Texts texts() {
        return new Texts();
    }
}
