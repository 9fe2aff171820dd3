package ru.smetabot.model.publications;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PublicationRepository extends JpaRepository<Publication, Long> {

    Optional<Publication> findByRoomIdAndMessageId(long roomId, long messageId);

    List<Publication> findByRoomIdAndDeletedFalse(long roomId);

    Page<Publication> findByRoomIdAndDeletedFalseOrderByPostedAtDesc(long roomId, Pageable page);
}
