package ru.smetabot.sandbox.control;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.accounts.AccountService;
import ru.smetabot.sandbox.faults.Faults;
import ru.smetabot.sandbox.mtproto.MtprotoSessions;

/** Puts everything back to the start-up state: world, queues, clock, sessions and faults. */
@Component
class SandboxReset {

    private final AccountService accounts;
    private final MtprotoSessions sessions;
    private final Faults faults;

    SandboxReset(AccountService accounts, MtprotoSessions sessions, Faults faults) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.faults = faults;
    }

    void reset() {
        faults.clear();
        sessions.reset();
        accounts.reset();
    }
}
