package ru.smetabot.sandbox.updates;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The scheduler webhook pushes run on (a few threads: each bot has at most one push in flight). */
@Configuration(proxyBeanMethods = false)
class WebhookScheduling {

    static final String SCHEDULER = "webhookScheduler";

    @Bean(name = SCHEDULER)
    ThreadPoolTaskScheduler webhookScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(4);
        scheduler.setThreadNamePrefix("webhook-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }
}
