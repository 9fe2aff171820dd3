package ru.smetabot.model.clients;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads clients; writes go through {@link ClientRegistry}. */
public interface ClientRepository extends JpaRepository<Client, Long> {

    Optional<Client> findByRoomIdAndTgUserId(long roomId, long tgUserId);

    Page<Client> findByRoomIdOrderByJoinedAtDesc(long roomId, Pageable page);

    List<Client> findByRoomId(long roomId);

    long countByRoomIdAndStatus(long roomId, ClientStatus status);
}
