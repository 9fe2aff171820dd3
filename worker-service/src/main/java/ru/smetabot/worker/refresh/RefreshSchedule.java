package ru.smetabot.worker.refresh;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.smetabot.worker.WorkerProperties;

/**
 * Registers the two jobs and the periodic trigger in the shared Quartz store at start-up. A
 * trigger whose schedule is unchanged is left alone, so restarting workers neither resets nor
 * bursts the cycle; a changed REFRESH_INTERVAL / REFRESH_CRON replaces it. Missed fires (all
 * workers down) are not replayed: the next regular fire runs.
 */
@Component
class RefreshSchedule implements ApplicationRunner {

    static final JobKey PERIODIC = JobKey.jobKey("refresh-views-periodic", "views");
    static final JobKey FOR_ROOM = JobKey.jobKey("refresh-views-for-room", "views");
    static final TriggerKey PERIODIC_TRIGGER = TriggerKey.triggerKey("refresh-views-periodic", "views");
    private static final Logger log = LoggerFactory.getLogger(RefreshSchedule.class);

    private final Scheduler scheduler;
    private final WorkerProperties properties;
    private final RefreshMetrics metrics;
    private final JdbcClient jdbc;

    RefreshSchedule(Scheduler scheduler, WorkerProperties properties, RefreshMetrics metrics, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.metrics = metrics;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        scheduler.addJob(JobBuilder.newJob(PeriodicRefreshJob.class).withIdentity(PERIODIC).storeDurably()
                .withDescription("Refresh the views of every room with live posts").build(), true);
        scheduler.addJob(JobBuilder.newJob(RoomRefreshJob.class).withIdentity(FOR_ROOM).storeDurably()
                .withDescription("Refresh the views of one room (job data: roomId)").build(), true);
        Trigger wanted = periodicTrigger();
        Trigger existing = scheduler.getTrigger(PERIODIC_TRIGGER);
        if (existing == null) {
            try {
                scheduler.scheduleJob(wanted);
            } catch (ObjectAlreadyExistsException e) {
                log.debug("another worker scheduled {} first", PERIODIC_TRIGGER);
            }
        } else if (!wanted.getDescription().equals(existing.getDescription())) {
            scheduler.rescheduleJob(PERIODIC_TRIGGER, wanted);
            log.info("views refresh schedule changed from '{}' to '{}'", existing.getDescription(), wanted.getDescription());
        }
        Trigger current = scheduler.getTrigger(PERIODIC_TRIGGER);
        log.info("views refresh scheduled {}; next run at {}", current.getDescription(), current.getNextFireTime());
        jdbc.sql("SELECT max(finished_at) FROM analytics.refresh_runs WHERE trigger = 'periodic' AND outcome = 'refreshed'")
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single()
                .ifPresent(at -> metrics.lastPeriodicSuccessWas(at.toInstant()));
    }

    /** "every PT30M" or "cron 0 0/30 * * * ?": also how a running trigger is compared with the settings. */
    String describe() {
        return properties.usesCron() ? "cron " + properties.refreshCron().trim() : "every " + properties.refreshInterval();
    }

    private Trigger periodicTrigger() {
        ScheduleBuilder<? extends Trigger> schedule;
        Date firstFire;
        if (properties.usesCron()) {
            try {
                schedule = CronScheduleBuilder.cronSchedule(properties.refreshCron().trim())
                        .withMisfireHandlingInstructionDoNothing();
            } catch (RuntimeException e) {
                throw new IllegalStateException("REFRESH_CRON is not a Quartz cron expression: " + properties.refreshCron(), e);
            }
            firstFire = new Date();
        } else {
            schedule = SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(properties.refreshInterval().toMillis()).repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount();
            firstFire = Date.from(Instant.now().plus(properties.refreshInterval()));
        }
        return TriggerBuilder.newTrigger().withIdentity(PERIODIC_TRIGGER).forJob(PERIODIC).withDescription(describe())
                .withSchedule(schedule).startAt(firstFire).build();
    }
}
