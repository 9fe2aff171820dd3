package ru.smetabot.model.rooms;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RoomRepository extends JpaRepository<Room, Long> {

    /** The seed's {@code get_channel_by_tg_chat_id}: the room behind a Telegram chat, if we know it. */
    Optional<Room> findByTgChatId(long tgChatId);

    Page<Room> findByContractorIdAndDeletedFalseOrderByCreatedAtDesc(long contractorId, Pageable page);

    List<Room> findByContractorIdAndDeletedFalse(long contractorId);

    /** The owner's active rooms (not deactivated, not archived), newest first. */
    Page<Room> findByContractorIdAndDeletedFalseAndArchivedAtIsNullOrderByCreatedAtDesc(long contractorId, Pageable page);

    List<Room> findByContractorIdAndDeletedFalseAndArchivedAtIsNull(long contractorId);
}
