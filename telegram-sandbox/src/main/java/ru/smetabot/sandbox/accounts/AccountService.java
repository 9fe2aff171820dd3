package ru.smetabot.sandbox.accounts;

import java.util.List;

import org.springframework.stereotype.Service;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Resettable;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.UpdateHub;

/** Creates users and bots; a bot's id is the numeric part of its token before ':', as in Telegram. */
@Service
public class AccountService implements Resettable {

    private final SandboxState state;
    private final UpdateHub hub;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    AccountService(SandboxState state, UpdateHub hub, SandboxClock clock, SandboxProperties properties) {
        this.state = state;
        this.hub = hub;
        this.clock = clock;
        this.properties = properties;
        declareConfiguredBots();
    }

    /** Empties the world, then declares the configured bots again. */
    @Override
    public void reset() {
        state.reset();
        hub.reset();
        clock.reset();
        declareConfiguredBots();
    }

    public Account createUser(NewUser u) {
        if (u.firstName() == null || u.firstName().isBlank()) {
            throw SandboxException.badRequest("first_name is required", "FIRSTNAME_INVALID");
        }
        return state.locked(() -> {
            long id = u.id() != null ? u.id() : state.newUserId();
            if (id <= 0) {
                throw SandboxException.badRequest("user ids are positive", "USER_ID_INVALID");
            }
            if (state.account(id).isPresent()) {
                throw SandboxException.badRequest("user " + id + " already exists", "USER_ID_INVALID");
            }
            return state.putAccount(new Account(id, false, u.firstName(), u.lastName(), u.username(),
                    u.languageCode() == null ? "ru" : u.languageCode(), null, u.phone(), u.password()));
        });
    }

    public Account createBot(String token, String username, String firstName) {
        if (token == null || !token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw SandboxException.badRequest("a bot token looks like 123456:ABC-def", null);
        }
        if (username == null || username.isBlank()) {
            throw SandboxException.badRequest("username is required", null);
        }
        long id = Long.parseLong(token.substring(0, token.indexOf(':')));
        return state.locked(() -> {
            state.account(id).filter(a -> !a.bot()).ifPresent(a -> {
                throw SandboxException.badRequest("id " + id + " belongs to a user", null);
            });
            String name = firstName == null || firstName.isBlank() ? username : firstName;
            return state.putAccount(new Account(id, true, name, null, username, null, token, null, null));
        });
    }

    public List<Account> all() {
        return state.locked(state::accounts);
    }

    /** Declares the bots of {@code sandbox.bots} (again): at start, after a reset, after a saved world is loaded. */
    public void declareConfiguredBots() {
        for (String entry : properties.bots().split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("sandbox.bots entry must be token=username: " + trimmed);
            }
            createBot(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim(), null);
        }
    }

    /** What the control API accepts to create a user; id is generated when absent. */
    public record NewUser(Long id, String firstName, String lastName, String username, String languageCode,
                          String phone, String password) {
    }
}
