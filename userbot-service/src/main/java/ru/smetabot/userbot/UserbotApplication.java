package ru.smetabot.userbot;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import ru.smetabot.model.SmetabotModel;

/** The only holder of Telegram user sessions; an internal REST API guarded by a bearer token. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SmetabotModel.class)
public class UserbotApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(UserbotApplication.class, args);
    }
}
