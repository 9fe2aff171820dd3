package ru.smetabot.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import ru.smetabot.model.SmetabotModel;
import ru.smetabot.views.ViewsRefreshConfiguration;

/** The Telegram bot: menus, channel cards, members, invite links, join requests, publishing. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({SmetabotModel.class, ViewsRefreshConfiguration.class})
public class BotApplication {

    public static void main(String[] args) {
        SpringApplication.run(BotApplication.class, args);
    }
}
