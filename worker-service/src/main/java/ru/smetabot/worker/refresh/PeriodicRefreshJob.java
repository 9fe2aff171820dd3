package ru.smetabot.worker.refresh;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * {@code refresh-views-periodic}: one cycle over every due room. Non-concurrent, so with the
 * clustered JDBC store exactly one worker runs a cycle, and cycles never overlap.
 */
@DisallowConcurrentExecution
class PeriodicRefreshJob implements Job {

    private final PeriodicRefresh periodicRefresh;
    private final RefreshMetrics metrics;

    PeriodicRefreshJob(PeriodicRefresh periodicRefresh, RefreshMetrics metrics) {
        this.periodicRefresh = periodicRefresh;
        this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        metrics.jobStarted(true);
        try {
            periodicRefresh.runCycle(context.getFireInstanceId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException("views refresh cycle interrupted", e);
        } catch (RuntimeException e) {
            throw new JobExecutionException("views refresh cycle failed: " + e, e);
        } finally {
            metrics.jobFinished(true);
        }
    }
}
