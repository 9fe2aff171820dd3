package ru.smetabot.userbot.sandbox;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.userbot.UserbotProperties;
import ru.smetabot.userbot.gateway.TelegramGateway;

/** USERBOT_GATEWAY=sandbox: telegram-sandbox at SANDBOX_URL instead of Telegram. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "smetabot.userbot.gateway", havingValue = "sandbox")
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    /**
     * Sessions live in PostgreSQL (shared by every instance). {@code USERBOT_SANDBOX_SESSIONS_FILE}, where earlier
     * versions kept them, is read once at start: sessions the table lacks are imported; the file is no longer written.
     */
    @Bean
    SandboxSessions sandboxSessions(JdbcClient jdbc, @Value("${smetabot.userbot.sandbox-sessions-file:}") String sessionsFile) {
        SandboxSessions sessions = new SandboxSessions(jdbc);
        if (!sessionsFile.isBlank()) {
            int imported = sessions.importMissing(new SandboxSessionFile(Path.of(sessionsFile)).load());
            if (imported > 0) {
                log.info("imported {} sandbox session(s) from {} into PostgreSQL (core.userbot_sandbox_sessions); the file "
                        + "is no longer written and may be deleted", imported, sessionsFile);
            }
        }
        return sessions;
    }

    @Bean
    TelegramGateway sandboxGateway(UserbotProperties properties, SandboxSessions sessions) {
        return new SandboxGateway(new SandboxHttp(properties.sandboxUrl(), properties.requestTimeout()), sessions);
    }
}
