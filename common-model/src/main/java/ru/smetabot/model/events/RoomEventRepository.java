package ru.smetabot.model.events;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RoomEventRepository extends JpaRepository<RoomEvent, Long> {

    List<RoomEvent> findByRoomIdOrderByCreatedAt(long roomId);
}
