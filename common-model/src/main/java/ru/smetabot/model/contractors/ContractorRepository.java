package ru.smetabot.model.contractors;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractorRepository extends JpaRepository<Contractor, Long> {

    Optional<Contractor> findByTgUserId(long tgUserId);
}
