package ru.smetabot.worker.refresh;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotClients;
import ru.smetabot.views.ViewsRefreshConfiguration;
import ru.smetabot.worker.WorkerProperties;

/** The shared refresh routine, fed by the userbot client with the worker's token and deadline. */
@Configuration(proxyBeanMethods = false)
@Import(ViewsRefreshConfiguration.class)
class RefreshConfiguration {

    @Bean
    UserbotApi userbotApi(WorkerProperties properties) {
        return UserbotClients.create(properties.userbotUrl(), properties.userbotApiToken(), properties.userbotTimeout());
    }
}
