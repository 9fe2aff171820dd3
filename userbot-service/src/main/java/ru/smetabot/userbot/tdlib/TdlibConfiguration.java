package ru.smetabot.userbot.tdlib;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.userbot.UserbotProperties;
import ru.smetabot.userbot.gateway.TelegramGateway;
import tools.jackson.databind.node.ObjectNode;

/** USERBOT_GATEWAY=tdlib: the real Telegram through libtdjson. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "smetabot.userbot.gateway", havingValue = "tdlib")
class TdlibConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TdlibConfiguration.class);

    @Bean(destroyMethod = "close")
    TdClients tdClients(UserbotProperties properties) {
        // Before TDLib opens anything: a wrong key must stop start-up, not surface later as logged-out accounts.
        SessionKeyCheck.verify(properties.sessionsDir(), properties.sessionEncryptionKey());
        TdJsonNative td = TdJsonNative.load(Path.of(properties.tdlibPath()));
        td.execute(TdClients.JSON.writeValueAsString(logVerbosity()));
        String version = td.execute(TdClients.JSON.writeValueAsString(versionQuery()));
        log.info("TDLib loaded from {}: {}", properties.tdlibPath(), version);
        return new TdClients(td);
    }

    /** TDLib's own log: errors and warnings only (level 1). */
    static ObjectNode logVerbosity() {
        return TdClients.request("setLogVerbosityLevel").put("new_verbosity_level", 1);
    }

    static ObjectNode versionQuery() {
        return TdClients.request("getOption").put("name", "version");
    }

    @Bean
    TdlibAccounts tdlibAccounts(TdClients clients, UserbotProperties properties, MeterRegistry meters, Clock clock) {
        TdlibAccounts accounts = new TdlibAccounts(clients, new TdlibSettings(properties.sessionsDir(),
                properties.apiId(), properties.apiHash(), properties.sessionEncryptionKey(), properties.requestTimeout(),
                properties.viewsWait(), properties.loginTtl()), meters, clock);
        // The saved sessions are opened by the lease manager (AccountLeases), each only once its lease is taken.
        return accounts;
    }

    @Bean(destroyMethod = "close")
    AbandonedLogins abandonedLogins(TdlibAccounts accounts, UserbotProperties properties) {
        return AbandonedLogins.start(accounts, properties.loginTtl());
    }

    @Bean
    TelegramGateway tdlibGateway(TdlibAccounts accounts) {
        return new TdlibGateway(accounts);
    }
}
