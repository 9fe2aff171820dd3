package ru.smetabot.userbotapi;

import java.time.Instant;
import java.util.List;

/** Every connected account (or the one asked for), as an operator needs to see them. */
public record SessionStatus(List<Account> accounts) {

    public SessionStatus {
        accounts = List.copyOf(accounts == null ? List.of() : accounts);
    }

    /**
     * One account.
     *
     * @param account            Telegram user id of the account
     * @param authorized         whether calls on its behalf can work now
     * @param authorizationState the gateway's state, e.g. TDLib's {@code authorizationStateReady}
     * @param lastSuccessAt      when a Telegram call last succeeded for it, or null
     * @param lastError          the last failure, readable, or null
     */
    public record Account(
            long account,
            boolean authorized,
            String authorizationState,
            Instant lastSuccessAt,
            String lastError) {
    }
}
