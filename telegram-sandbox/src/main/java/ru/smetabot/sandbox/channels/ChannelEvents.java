package ru.smetabot.sandbox.channels;

import java.util.Map;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.Membership;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.TelegramObjects;
import ru.smetabot.sandbox.updates.UpdateHub;
import ru.smetabot.sandbox.updates.UpdateTypes;

/** Emits the channel updates a bot admin receives; called inside the world lock, right after the change. */
@Component
public class ChannelEvents {

    private final SandboxState state;
    private final UpdateHub hub;
    private final SandboxProperties properties;
    private final SandboxClock clock;

    ChannelEvents(SandboxState state, UpdateHub hub, SandboxProperties properties, SandboxClock clock) {
        this.state = state;
        this.hub = hub;
        this.properties = properties;
        this.clock = clock;
    }

    /** What {@code account} is in {@code channel}, as a Bot API ChatMember. */
    public Map<String, Object> member(Channel channel, Account account) {
        if (channel.ownerId() == account.id()) {
            return TelegramObjects.owner(account);
        }
        AdminRights rights = channel.admins().get(account.id());
        if (rights != null) {
            return TelegramObjects.administrator(account, rights);
        }
        Membership m = channel.members().get(account.id());
        String status = m == null ? "left" : switch (m.status()) {
            case MEMBER -> "member";
            case LEFT -> "left";
            case KICKED -> "kicked";
        };
        return TelegramObjects.plainMember(account, status);
    }

    /** Sends chat_member (or my_chat_member to the bot that changed) for a status change. */
    public void memberChanged(Channel channel, Account actor, Account subject, Map<String, Object> before,
                              InviteLink link, boolean viaJoinRequest) {
        Map<String, Object> after = member(channel, subject);
        if (after.equals(before)) {
            return;
        }
        Map<String, Object> payload = Json.obj("chat", TelegramObjects.channelChat(channel),
                "from", TelegramObjects.user(actor), "date", nowSeconds(),
                "old_chat_member", before, "new_chat_member", after,
                "invite_link", link == null ? null : inviteLink(channel, link),
                "via_join_request", viaJoinRequest ? Boolean.TRUE : null);
        if (subject.bot()) {
            hub.publish(subject.id(), UpdateTypes.MY_CHAT_MEMBER, payload);
        }
        adminBots(channel, subject.id(), bot -> hub.publish(bot, UpdateTypes.CHAT_MEMBER, payload));
    }

    /** A ChatInviteLink with its live pending_join_request_count. */
    public Map<String, Object> inviteLink(Channel channel, InviteLink link) {
        return TelegramObjects.inviteLink(link, state.requireAccount(link.creatorId()),
                channel.pendingJoinRequests(link.link()));
    }

    /** chat_join_request; {@code link} is null for a request made without an invite link. */
    public void joinRequested(Channel channel, Account user, InviteLink link, long date) {
        Map<String, Object> payload = Json.obj("chat", TelegramObjects.channelChat(channel),
                "from", TelegramObjects.user(user), "user_chat_id", user.id(), "date", date,
                "invite_link", link == null ? null : inviteLink(channel, link));
        adminBots(channel, 0, bot -> {
            if (channel.admins().get(bot).canInviteUsers()) {
                hub.publish(bot, UpdateTypes.CHAT_JOIN_REQUEST, payload);
            }
        });
    }

    public void posted(Channel channel, Message post, Account author) {
        Map<String, Object> payload = TelegramObjects.channelPost(post, channel, author);
        long skip = properties.ownChannelPostsAsUpdates() ? 0 : author.id();
        adminBots(channel, skip, bot -> hub.publish(bot, UpdateTypes.CHANNEL_POST, payload));
    }

    private void adminBots(Channel channel, long except, LongConsumer action) {
        channel.admins().keySet().stream()
                .filter(id -> id != except)
                .filter(id -> state.account(id).map(Account::bot).orElse(false))
                .forEach(action::accept);
    }

    private long nowSeconds() {
        return clock.epochSeconds();
    }
}
