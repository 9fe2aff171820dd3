package ru.smetabot.worker.refresh;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.quartz.SchedulerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.smetabot.model.refresh.RefreshRun;

/**
 * Manual control of the refresh (bearer WORKER_API_TOKEN), the equivalents of the seed's
 * {@code celery call tasks.stats.refresh_views_for_room / refresh_views_periodic} and
 * {@code celery inspect active}. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/refresh")
class RefreshController {

    private final RefreshCommands commands;

    RefreshController(RefreshCommands commands) {
        this.commands = commands;
    }

    /**
     * Queues {@code refresh-views-for-room(roomId)}. With {@code wait} (seconds, ≤120) answers 200
     * with the finished run once it is done, else 202 at once.
     */
    @PostMapping("/rooms/{roomId}")
    ResponseEntity<Object> refreshRoom(@PathVariable @Positive long roomId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(120) int wait) throws SchedulerException, InterruptedException {
        long before = commands.refreshRoom(roomId);
        if (wait > 0) {
            var run = commands.awaitRun(roomId, before, Duration.ofSeconds(wait));
            if (run.isPresent()) {
                return ResponseEntity.ok(run.get());
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("job", RefreshSchedule.FOR_ROOM.getName(),
                "roomId", roomId, "status", "queued", "results", "/refresh/runs?room=" + roomId));
    }

    /** Queues a cycle of {@code refresh-views-periodic} over every due room. */
    @PostMapping("/all")
    ResponseEntity<Map<String, String>> refreshAll() throws SchedulerException {
        commands.refreshAll();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("job", RefreshSchedule.PERIODIC.getName(),
                "status", "queued", "results", "/refresh/runs"));
    }

    /** Rooms being refreshed and Quartz jobs executing now, across the cluster, and the schedule. */
    @GetMapping("/active")
    RefreshCommands.Active active() throws SchedulerException {
        return commands.active();
    }

    /** Recent runs with their results, newest first; of one room with {@code room}. */
    @GetMapping("/runs")
    List<RefreshRun> runs(@RequestParam(required = false) @Positive Long room,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
        return commands.recent(room, limit);
    }
}
