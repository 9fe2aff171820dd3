package ru.smetabot.userbot.tdlib;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import ru.smetabot.userbot.gateway.LoginBlockedException;
import ru.smetabot.userbot.gateway.LoginBlockedException.Need;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway.LoginStep;

/**
 * TDLib's authorization states (td_api.tl, 1.8.67) as login steps. Phone → code → password → ready is
 * what this service takes; every other state a login can reach ends the wait at once with what the
 * person has to do (instead of waiting out the request deadline).
 */
final class LoginStates {

    /** States a login can reach that this service cannot complete, and what each asks for. */
    static final Map<String, Need> BLOCKING = Map.of(
            TdAccount.WAIT_EMAIL_ADDRESS, Need.EMAIL_ADDRESS,
            TdAccount.WAIT_EMAIL_CODE, Need.EMAIL_CODE,
            TdAccount.WAIT_OTHER_DEVICE, Need.OTHER_DEVICE,
            TdAccount.WAIT_REGISTRATION, Need.REGISTRATION,
            TdAccount.WAIT_PREMIUM_PURCHASE, Need.PREMIUM_PURCHASE);

    /** States after which nothing more comes for this client. */
    private static final Set<String> ENDED = Set.of(TdAccount.LOGGING_OUT, TdAccount.CLOSING, TdAccount.CLOSED);

    private LoginStates() {
    }

    /** {@code wanted} plus every state that ends a login wait at once. */
    static Set<String> plus(String... wanted) {
        Set<String> states = new HashSet<>(Set.of(wanted));
        states.addAll(BLOCKING.keySet());
        states.addAll(ENDED);
        return Set.copyOf(states);
    }

    /** What the login needs next in {@code state}; throws what ended it otherwise. */
    static LoginStep step(TdAccount td, String state) {
        if (td.error() != null) {
            throw new TelegramException(TelegramException.Kind.SESSION_UNUSABLE, 0, "account " + td.account() + ": " + td.error());
        }
        Need need = BLOCKING.get(state);
        if (need != null) {
            throw new LoginBlockedException(need, "login of account " + td.account() + " reached " + state
                    + ": Telegram asks for a step this service cannot take (" + need.name().toLowerCase() + ")");
        }
        return switch (state) {
            case TdAccount.READY -> LoginStep.READY;
            case TdAccount.WAIT_CODE -> LoginStep.CODE_REQUIRED;
            case TdAccount.WAIT_PASSWORD -> LoginStep.PASSWORD_REQUIRED;
            default -> throw new TelegramException(TelegramException.Kind.UNAVAILABLE, 0,
                    "login of account " + td.account() + " stuck in " + state + " (Telegram unreachable?)");
        };
    }
}
