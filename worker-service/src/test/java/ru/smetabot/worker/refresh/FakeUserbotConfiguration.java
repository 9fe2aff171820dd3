package ru.smetabot.worker.refresh;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.views.FakeUserbot;

/**
 * One in-memory userbot for every worker context of the test JVM: the
 * contexts share one database, so any of them may refresh any room and must see the same "Telegram".
 */
@TestConfiguration(proxyBeanMethods = false)
class FakeUserbotConfiguration {

    static final FakeUserbot USERBOT = new FakeUserbot();

    @Bean
    @Primary
    UserbotApi fakeUserbotApi() {
        return USERBOT.api();
    }
}
