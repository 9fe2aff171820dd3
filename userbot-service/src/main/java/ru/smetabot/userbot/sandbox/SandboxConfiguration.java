package ru.smetabot.userbot.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.userbot.UserbotProperties;
import ru.smetabot.userbot.gateway.TelegramGateway;

/** USERBOT_GATEWAY=sandbox: telegram-sandbox at SANDBOX_URL instead of Telegram. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "smetabot.userbot.gateway", havingValue = "sandbox")
class SandboxConfiguration {

    @Bean
    TelegramGateway sandboxGateway(UserbotProperties properties) {
        return new SandboxGateway(new SandboxHttp(properties.sandboxUrl(), properties.requestTimeout()));
    }
}
