package ru.smetabot.worker.refresh;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.smetabot.views.RefreshSummary;
import ru.smetabot.views.RefreshTrigger;
import ru.smetabot.views.UnknownRoomException;
import ru.smetabot.views.ViewsRefresher;

/**
 * {@code refresh-views-for-room(roomId)}: refreshes one room on demand (REST, CLI). Rooms differ,
 * so these may run side by side; the routine itself refuses a second refresh of the same room.
 */
class RoomRefreshJob implements Job {

    static final String ROOM_ID = "roomId";
    private static final Logger log = LoggerFactory.getLogger(RoomRefreshJob.class);

    private final ViewsRefresher refresher;
    private final RefreshMetrics metrics;

    RoomRefreshJob(ViewsRefresher refresher, RefreshMetrics metrics) {
        this.refresher = refresher;
        this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long roomId = context.getMergedJobDataMap().getLongValue(ROOM_ID);
        metrics.jobStarted(false);
        try {
            RefreshSummary summary = refresher.refreshViewsForRoom(roomId, RefreshTrigger.onDemand());
            metrics.record(RefreshTrigger.Kind.ON_DEMAND, summary);
        } catch (UnknownRoomException e) {
            log.warn("refresh-views-for-room: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("refresh-views-for-room room={} failed unexpectedly", roomId, e);
        } finally {
            metrics.jobFinished(false);
        }
    }
}
