package ru.smetabot.bot.account;

import org.springframework.stereotype.Service;
import ru.smetabot.userbotapi.SessionStatus;
import ru.smetabot.userbotapi.UserbotApi;

/**
 * Whether a contractor's own Telegram account is connected to the userbot. The contractor's
 * account is their Telegram user id: rooms are created by, and owned by, that account.
 */
@Service
public class ConnectedAccounts {

    private final UserbotApi userbot;

    public ConnectedAccounts(UserbotApi userbot) {
        this.userbot = userbot;
    }

    /** True when the userbot has an authorized session for this account; userbot errors propagate. */
    public boolean isConnected(long tgUserId) {
        SessionStatus status = userbot.sessionStatus(tgUserId);
        return status.accounts().stream().anyMatch(a -> a.account() == tgUserId && a.authorized());
    }
}
