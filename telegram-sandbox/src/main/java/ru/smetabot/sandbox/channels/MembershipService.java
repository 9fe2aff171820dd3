package ru.smetabot.sandbox.channels;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.JoinDecision;
import ru.smetabot.sandbox.state.JoinRequest;
import ru.smetabot.sandbox.state.Membership;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;

/** Joining through links, join requests and their approval, leaving, bans. */
@Service
public class MembershipService {

    /** What opening a link did. */
    public enum JoinOutcome { JOINED, REQUESTED }

    private final SandboxState state;
    private final ChannelEvents events;
    private final SandboxClock clock;

    MembershipService(SandboxState state, ChannelEvents events, SandboxClock clock) {
        this.state = state;
        this.events = events;
        this.clock = clock;
    }

    /** A user opens an invite link: a join request when the link asks for approval, otherwise a direct join. */
    public JoinResult open(long userId, String opened) {
        String url = canonical(opened);
        return state.locked(() -> {
            Account user = state.requireAccount(userId);
            Channel channel = state.channels().stream().filter(c -> c.links().containsKey(url)).findFirst()
                    .orElseThrow(MembershipService::expired);
            InviteLink link = channel.links().get(url);
            long now = clock.epochSeconds();
            if (!link.usable(now)) {
                throw expired();
            }
            Membership current = channel.members().get(userId);
            if (current != null && current.status() == Membership.Status.KICKED) {
                throw SandboxException.forbidden("user is banned in the channel", "USER_BANNED_IN_CHANNEL");
            }
            if (channel.canRead(userId)) {
                throw SandboxException.badRequest("USER_ALREADY_PARTICIPANT", "USER_ALREADY_PARTICIPANT");
            }
            if (link.createsJoinRequest()) {
                if (channel.addJoinRequest(new JoinRequest(userId, now, url, System.currentTimeMillis()))) {
                    events.joinRequested(channel, user, link, now);
                }
                return new JoinResult(channel.id(), JoinOutcome.REQUESTED);
            }
            Map<String, Object> before = events.member(channel, user);
            channel.members().put(userId, new Membership(Membership.Status.MEMBER, now, url));
            link.countJoin();
            events.memberChanged(channel, user, user, before, link, false);
            return new JoinResult(channel.id(), JoinOutcome.JOINED);
        });
    }

    /**
     * A direct request to join a public channel, made without an invite link (Telegram's "join requests" of a
     * public chat): admin bots with can_invite_users get chat_join_request without invite_link.
     */
    public void requestToJoin(long channelId, long userId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account user = state.requireAccount(userId);
            if (channel.username() == null) {
                throw SandboxException.badRequest("CHANNEL_PRIVATE", "CHANNEL_PRIVATE");
            }
            Membership current = channel.members().get(userId);
            if (current != null && current.status() == Membership.Status.KICKED) {
                throw SandboxException.forbidden("user is banned in the channel", "USER_BANNED_IN_CHANNEL");
            }
            if (channel.canRead(userId)) {
                throw SandboxException.badRequest("USER_ALREADY_PARTICIPANT", "USER_ALREADY_PARTICIPANT");
            }
            long now = clock.epochSeconds();
            if (channel.addJoinRequest(new JoinRequest(userId, now, null, System.currentTimeMillis()))) {
                events.joinRequested(channel, user, null, now);
            }
        });
    }

    /** The user cancels their pending request; a later approve or decline meets HIDE_REQUESTER_MISSING. */
    public void withdraw(long channelId, long userId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            if (channel.removeJoinRequest(userId) == null) {
                throw SandboxException.badRequest("HIDE_REQUESTER_MISSING", "HIDE_REQUESTER_MISSING");
            }
        });
    }

    /**
     * Approval by an admin with can_invite_users (a bot, or a human through the control API or MTProto):
     * chat_member carries invite_link when the request came through a link, and via_join_request only when
     * it did not (Bot API ChatMemberUpdated). A requester who became a member meanwhile: USER_ALREADY_PARTICIPANT.
     */
    public void approve(long channelId, long actorId, long userId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account actor = state.requireAccount(actorId);
            ChannelAccess.requireAdmin(channel, actor, AdminRights::canInviteUsers, "manage join requests");
            JoinRequest request = takeRequest(channel, userId);
            if (channel.canRead(userId)) {
                throw SandboxException.badRequest("USER_ALREADY_PARTICIPANT", "USER_ALREADY_PARTICIPANT");
            }
            channel.joinDecisions().put(userId, new JoinDecision(request, true, actorId));
            Account user = state.requireAccount(userId);
            Map<String, Object> before = events.member(channel, user);
            channel.members().put(userId, new Membership(Membership.Status.MEMBER, clock.epochSeconds(),
                    request.inviteLink()));
            InviteLink link = request.inviteLink() == null ? null : channel.links().get(request.inviteLink());
            if (link != null) {
                link.countJoin();
            }
            events.memberChanged(channel, actor, user, before, link, request.inviteLink() == null);
        });
    }

    /** Telegram sends no update for a declined request. */
    public void decline(long channelId, long actorId, long userId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            ChannelAccess.requireAdmin(channel, state.requireAccount(actorId), AdminRights::canInviteUsers,
                    "manage join requests");
            JoinRequest request = takeRequest(channel, userId);
            channel.joinDecisions().put(userId, new JoinDecision(request, false, actorId));
        });
    }

    public List<JoinRequest> pending(long channelId, long actorId) {
        return state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            ChannelAccess.requireAdmin(channel, state.requireAccount(actorId), AdminRights::canInviteUsers,
                    "manage join requests");
            return List.copyOf(channel.joinRequests().values());
        });
    }

    public void leave(long channelId, long userId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account user = state.requireAccount(userId);
            if (channel.ownerId() == userId) {
                throw SandboxException.badRequest("the owner can't leave the channel", "USER_CREATOR");
            }
            if (!channel.canRead(userId)) {
                throw SandboxException.badRequest("USER_NOT_PARTICIPANT", "USER_NOT_PARTICIPANT");
            }
            Map<String, Object> before = events.member(channel, user);
            channel.admins().remove(userId);
            channel.members().put(userId, new Membership(Membership.Status.LEFT, clock.epochSeconds(), null));
            events.memberChanged(channel, user, user, before, null, false);
        });
    }

    public void ban(long channelId, long actorId, long userId) {
        changeStanding(channelId, actorId, userId, Membership.Status.KICKED);
    }

    /** Like Telegram, unbanning a current member without only_if_banned removes them from the channel. */
    public void unban(long channelId, long actorId, long userId, boolean onlyIfBanned) {
        Membership m = state.locked(() -> state.requireChannel(channelId).members().get(userId));
        boolean banned = m != null && m.status() == Membership.Status.KICKED;
        if (banned || (!onlyIfBanned && m != null && m.isMember())) {
            changeStanding(channelId, actorId, userId, Membership.Status.LEFT);
        } else {
            state.locked(() -> ChannelAccess.requireAdmin(state.requireChannel(channelId),
                    state.requireAccount(actorId), AdminRights::canRestrictMembers, "restrict/ban chat members"));
        }
    }

    private void changeStanding(long channelId, long actorId, long userId, Membership.Status status) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account actor = state.requireAccount(actorId);
            ChannelAccess.requireAdmin(channel, actor, AdminRights::canRestrictMembers, "restrict/ban chat members");
            Account user = state.requireAccount(userId);
            if (channel.isAdmin(userId)) {
                throw SandboxException.badRequest("user is an administrator of the chat", "USER_ADMIN_INVALID");
            }
            Map<String, Object> before = events.member(channel, user);
            channel.members().put(userId, new Membership(status, clock.epochSeconds(), null));
            channel.removeJoinRequest(userId);
            events.memberChanged(channel, actor, user, before, null, false);
        });
    }

    private static JoinRequest takeRequest(Channel channel, long userId) {
        JoinRequest request = channel.removeJoinRequest(userId);
        if (request == null) {
            JoinDecision decided = channel.joinDecisions().get(userId);
            if (decided != null) {
                decided.attemptedAgain();
            }
            throw SandboxException.badRequest("HIDE_REQUESTER_MISSING", "HIDE_REQUESTER_MISSING");
        }
        return request;
    }

    /** Accepts https://t.me/+HASH, t.me/+HASH, tg://join?invite=HASH and +HASH; returns https://t.me/+HASH. */
    static String canonical(String link) {
        String s = link == null ? "" : link.trim();
        int plus = s.lastIndexOf('+');
        int invite = s.indexOf("invite=");
        String hash = invite >= 0 ? s.substring(invite + "invite=".length()) : plus >= 0 ? s.substring(plus + 1) : s;
        return "https://t.me/+" + hash;
    }

    private static SandboxException expired() {
        return SandboxException.badRequest("INVITE_HASH_EXPIRED", "INVITE_HASH_EXPIRED");
    }

    /** Where opening a link led. */
    public record JoinResult(long chatId, JoinOutcome outcome) {
    }
}
