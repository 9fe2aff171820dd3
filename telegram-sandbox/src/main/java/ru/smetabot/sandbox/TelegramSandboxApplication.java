package ru.smetabot.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A local fake Telegram: Bot API, user side, MTProto side, faults and a web chat page. Scheduling saves the
 * world shortly after changes when it has a data directory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TelegramSandboxApplication {

    /** The sandbox's own configuration file: telegram-sandbox.properties. */
    public static final String CONFIG_NAME = "telegram-sandbox";

    public static void main(String[] args) {
        // Quiet console when run on its own; in-process (SandboxServer) the host's logging levels stay untouched.
        new SpringApplicationBuilder(TelegramSandboxApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME, "logging.level.root=WARN",
                        "logging.level.ru.smetabot.sandbox=INFO")
                .run(args);
    }
}
