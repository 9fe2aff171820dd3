package ru.smetabot.worker.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.smetabot.model.refresh.RefreshRun;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;
import ru.smetabot.views.RefreshRuns;
import ru.smetabot.views.UnknownRoomException;

/** The manual controls behind /refresh and the CLI: the seed's celery call / inspect commands. */
@Service
class RefreshCommands {

    private final Scheduler scheduler;
    private final RoomRepository rooms;
    private final RefreshRuns runs;
    private final JdbcClient jdbc;

    RefreshCommands(Scheduler scheduler, RoomRepository rooms, RefreshRuns runs, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.rooms = rooms;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    /** A refresh can not start now: the room is in back-off or being refreshed. */
    static class NotNowException extends RuntimeException {
        private final transient Instant retryAt;

        NotNowException(String message, Instant retryAt) {
            super(message);
            this.retryAt = retryAt;
        }

        Instant retryAt() {
            return retryAt;
        }
    }

    /** A Quartz job that is executing now, on any worker of the cluster. */
    record ExecutingJob(String job, String instance, Instant firedAt) {
    }

    record Active(List<RefreshRun> rooms, List<ExecutingJob> jobs, String schedule, Instant nextPeriodicRun) {
    }

    /**
     * Queues {@code refresh-views-for-room(roomId)}; returns the id of the room's latest run
     * before it (0 if none), to wait for the new one.
     */
    long refreshRoom(long roomId) throws SchedulerException {
        Room room = rooms.findById(roomId).orElseThrow(() -> new UnknownRoomException(roomId, "does not exist"));
        if (room.isDeleted()) {
            throw new UnknownRoomException(roomId, "is deactivated (the bot lost access to the channel)");
        }
        Optional<Instant> backOff = runs.retryNotBefore(roomId);
        if (backOff.isPresent()) {
            throw new NotNowException("room " + roomId + " is in back-off until " + backOff.get()
                    + " (flood wait or userbot failure, see GET /refresh/runs?room=" + roomId + ")", backOff.get());
        }
        if (runs.running().stream().anyMatch(run -> run.getRoomId() == roomId)) {
            throw new NotNowException("room " + roomId + " is being refreshed right now", null);
        }
        long before = runs.recent(roomId, 1).stream().mapToLong(RefreshRun::getId).findFirst().orElse(0);
        scheduler.triggerJob(RefreshSchedule.FOR_ROOM, new JobDataMap(java.util.Map.of(RoomRefreshJob.ROOM_ID, roomId)));
        return before;
    }

    /** Queues a cycle of {@code refresh-views-periodic} now (it waits if one is running). */
    void refreshAll() throws SchedulerException {
        scheduler.triggerJob(RefreshSchedule.PERIODIC);
    }

    /** The room's first run after {@code afterRunId} once it has finished, waiting up to {@code wait}. */
    Optional<RefreshRun> awaitRun(long roomId, long afterRunId, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            Optional<RefreshRun> done = runs.recent(roomId, 5).stream()
                    .filter(run -> run.getId() > afterRunId && run.getFinishedAt() != null)
                    .reduce((newer, older) -> older);
            if (done.isPresent()) {
                return done;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    Active active() throws SchedulerException {
        List<ExecutingJob> jobs = jdbc.sql("""
                SELECT job_name, instance_name, fired_time FROM quartz.qrtz_fired_triggers
                 WHERE state = 'EXECUTING' ORDER BY fired_time
                """)
                .query((rs, n) -> new ExecutingJob(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                .list();
        Trigger periodic = scheduler.getTrigger(RefreshSchedule.PERIODIC_TRIGGER);
        return new Active(runs.running(), jobs, periodic == null ? null : periodic.getDescription(),
                periodic == null || periodic.getNextFireTime() == null ? null : periodic.getNextFireTime().toInstant());
    }

    List<RefreshRun> recent(Long roomId, int limit) {
        return runs.recent(roomId, limit);
    }
}
