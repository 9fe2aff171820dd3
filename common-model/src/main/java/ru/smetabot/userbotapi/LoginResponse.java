package ru.smetabot.userbotapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where a login stands.
 *
 * @param loginId   pass it to the next step; valid until {@code expiresAt}
 * @param state     what the login needs next
 * @param account   the account being connected
 * @param expiresAt when the attempt expires (null once ready)
 */
public record LoginResponse(String loginId, State state, long account, Instant expiresAt) {

    public enum State {
        @JsonProperty("ready") READY,
        @JsonProperty("code_required") CODE_REQUIRED,
        @JsonProperty("password_required") PASSWORD_REQUIRED
    }
}
