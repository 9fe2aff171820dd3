package ru.smetabot.model.publications;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ViewSnapshotRepository extends JpaRepository<ViewSnapshot, Long> {

    List<ViewSnapshot> findByPublicationIdOrderByCapturedAt(long publicationId);
}
