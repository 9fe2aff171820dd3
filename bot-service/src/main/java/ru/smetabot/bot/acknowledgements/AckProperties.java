package ru.smetabot.bot.acknowledgements;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param remindInterval   the owner may remind about one file at most once in this time (ACK_REMIND_INTERVAL, 1h)
 * @param firstViewsCheck  how often new {@code first_views} events are told to owners (FIRST_VIEWS_CHECK_INTERVAL, 1m)
 */
@ConfigurationProperties("smetabot.bot.acknowledgements")
public record AckProperties(Duration remindInterval, Duration firstViewsCheck) {

    public AckProperties {
        remindInterval = remindInterval == null ? Duration.ofHours(1) : remindInterval;
        firstViewsCheck = firstViewsCheck == null ? Duration.ofMinutes(1) : firstViewsCheck;
    }
}
