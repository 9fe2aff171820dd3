package ru.smetabot.worker.refresh;

import java.time.Duration;
import java.time.Instant;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.smetabot.views.UnknownRoomException;

/**
 * Errors of the /refresh API as problem details: 400 malformed input (from the base class),
 * 401 token, 404 unknown room, 409 back-off or busy (with Retry-After), 503 scheduler trouble.
 */
@RestControllerAdvice(assignableTypes = RefreshController.class)
class RefreshProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RefreshProblems.class);

    @ExceptionHandler(ApiToken.MissingTokenException.class)
    ResponseEntity<ProblemDetail> unauthorized(ApiToken.MissingTokenException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, "Missing or wrong token", e.getMessage()));
    }

    @ExceptionHandler(UnknownRoomException.class)
    ResponseEntity<ProblemDetail> unknownRoom(UnknownRoomException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Unknown room", e.getMessage());
        problem.setProperty("roomId", e.roomId());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(RefreshCommands.NotNowException.class)
    ResponseEntity<ProblemDetail> notNow(RefreshCommands.NotNowException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Refresh not started", e.getMessage());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CONFLICT);
        if (e.retryAt() != null) {
            problem.setProperty("retryAt", e.retryAt().toString());
            long seconds = Math.max(1, Duration.between(Instant.now(), e.retryAt()).toSeconds());
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return answer.body(problem);
    }

    @ExceptionHandler(SchedulerException.class)
    ResponseEntity<ProblemDetail> scheduler(SchedulerException e) {
        log.error("the Quartz scheduler refused a manual refresh", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Scheduler unavailable", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
