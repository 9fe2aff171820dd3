package ru.smetabot.sandbox.channels;

import java.util.function.Predicate;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.SandboxException;

/** Telegram's admin checks: not an admin → 403, an admin without the right → 400 "not enough rights". */
final class ChannelAccess {

    private ChannelAccess() {
    }

    static AdminRights requireAdmin(Channel channel, Account actor, Predicate<AdminRights> right, String action) {
        AdminRights rights = channel.admins().get(actor.id());
        if (rights == null) {
            String what = actor.bot() ? "bot is not a member of the channel chat" : "not enough rights";
            throw SandboxException.forbidden(what, "CHAT_ADMIN_REQUIRED");
        }
        if (!right.test(rights)) {
            throw SandboxException.badRequest("not enough rights to " + action, "CHAT_ADMIN_REQUIRED");
        }
        return rights;
    }
}
