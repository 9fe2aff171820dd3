package ru.smetabot.userbot.sandbox;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.userbot.UserbotProperties;
import ru.smetabot.userbot.gateway.TelegramGateway;

/** USERBOT_GATEWAY=sandbox: telegram-sandbox at SANDBOX_URL instead of Telegram. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "smetabot.userbot.gateway", havingValue = "sandbox")
class SandboxConfiguration {

    /**
     * {@code USERBOT_SANDBOX_SESSIONS_FILE} (./run-local: {@code data/sessions/sandbox-sessions.json}) keeps the
     * sandbox sessions across restarts; unset (tests), they live in memory.
     */
    @Bean
    TelegramGateway sandboxGateway(UserbotProperties properties,
            @Value("${smetabot.userbot.sandbox-sessions-file:}") String sessionsFile) {
        SandboxHttp http = new SandboxHttp(properties.sandboxUrl(), properties.requestTimeout());
        return sessionsFile.isBlank() ? new SandboxGateway(http) : new SandboxGateway(http, Path.of(sessionsFile));
    }
}
