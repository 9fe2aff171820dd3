package ru.smetabot.views;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import ru.smetabot.model.SmetabotModel;
import ru.smetabot.userbotapi.UserbotApi;

/** The model plus the refresh routine, with an in-memory userbot and a hand-moved clock. */
@SpringBootApplication
@Import({SmetabotModel.class, ViewsRefreshConfiguration.class})
class ViewsTestApplication {

    @Bean
    FakeUserbot fakeUserbot() {
        return new FakeUserbot();
    }

    @Bean
    UserbotApi userbotApi(FakeUserbot fake) {
        return fake.api();
    }

    @Bean
    MutableClock clock() {
        return MutableClock.startingNow();
    }
}
