package ru.smetabot.model.refresh;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RefreshRunRepository extends JpaRepository<RefreshRun, Long> {

    /** The room's latest refresh, running or finished: its time, result and back-off. */
    Optional<RefreshRun> findFirstByRoomIdOrderByStartedAtDesc(long roomId);

    /** Runs not finished yet: what is being refreshed now, on every instance. */
    List<RefreshRun> findByFinishedAtIsNullOrderByStartedAt();

    List<RefreshRun> findAllByOrderByStartedAtDescIdDesc(Pageable page);

    List<RefreshRun> findByRoomIdOrderByStartedAtDescIdDesc(long roomId, Pageable page);
}
