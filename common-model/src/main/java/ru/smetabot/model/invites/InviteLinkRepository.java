package ru.smetabot.model.invites;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InviteLinkRepository extends JpaRepository<InviteLink, Long> {

    Optional<InviteLink> findByLink(String link);

    List<InviteLink> findByRoomIdOrderByCreatedAtDesc(long roomId);
}
