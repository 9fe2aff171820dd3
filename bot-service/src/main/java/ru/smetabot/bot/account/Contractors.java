package ru.smetabot.bot.account;

import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.User;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.contractors.ContractorRepository;

/** Registers Telegram users as contractors and finds them again by their Telegram id. */
@Service
public class Contractors {

    private final ContractorRepository repository;
    private final TransactionTemplate tx;

    public Contractors(ContractorRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /** The contractor for this user, created on first contact; names and language refreshed. */
    public Contractor register(User user) {
        try {
            return tx.execute(status -> upsert(user));
        } catch (DataIntegrityViolationException concurrentFirstContact) {
            return tx.execute(status -> upsert(user));
        }
    }

    public Optional<Contractor> find(long tgUserId) {
        return repository.findByTgUserId(tgUserId);
    }

    private Contractor upsert(User user) {
        String fullName = user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
        return repository.findByTgUserId(user.getId())
                .map(existing -> {
                    existing.refreshProfile(user.getUserName(), fullName, user.getLanguageCode());
                    return existing;
                })
                .orElseGet(() -> repository.saveAndFlush(
                        new Contractor(user.getId(), user.getUserName(), fullName, user.getLanguageCode())));
    }
}
