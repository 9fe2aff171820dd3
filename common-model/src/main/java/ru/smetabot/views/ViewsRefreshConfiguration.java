package ru.smetabot.views;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.refresh.RefreshRunRepository;
import ru.smetabot.userbotapi.UserbotApi;

/**
 * The refresh routine's beans. A service that has a {@link UserbotApi} bean and imports
 * {@code SmetabotModel} adds {@code @Import(ViewsRefreshConfiguration.class)} and injects
 * {@link ViewsRefresher} (one room; {@link BatchRefresher} for many at once) (and {@link RefreshRuns} for back-off and history). A {@link Clock} bean,
 * when present, is the routine's clock (tests); otherwise UTC system time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ViewsRefreshSettings.class)
public class ViewsRefreshConfiguration {

    @Bean
    RefreshRuns refreshRuns(JdbcClient jdbc, RefreshRunRepository runs, ObjectProvider<Clock> clock) {
        return new RefreshRuns(jdbc, runs, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    BatchRefresher batchRefresher(UserbotApi userbot, JdbcClient jdbc, RefreshRuns runs,
            ObjectProvider<TransactionOperations> tx, ObjectProvider<Clock> clock, ViewsRefreshSettings settings) {
        return new BatchRefresher(userbot, jdbc, runs, tx.getIfAvailable(TransactionOperations::withoutTransaction),
                clock.getIfAvailable(Clock::systemUTC), settings);
    }

    @Bean
    ViewsRefresher viewsRefresher(UserbotApi userbot, JdbcClient jdbc, RefreshRuns runs, EventLog events,
            ObjectProvider<TransactionOperations> tx, ObjectProvider<Clock> clock, ViewsRefreshSettings settings) {
        return new ViewsRefresher(userbot, jdbc, runs, events, tx.getIfAvailable(TransactionOperations::withoutTransaction),
                clock.getIfAvailable(Clock::systemUTC), settings);
    }
}
