package ru.smetabot.sandbox.channels;

import org.springframework.stereotype.Service;

import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;

/** Invite links with Telegram's shape (https://t.me/+ and 16 url-safe characters) and validation. */
@Service
public class InviteLinkService {

    private final SandboxState state;

    InviteLinkService(SandboxState state) {
        this.state = state;
    }

    /** The settings a link is created or edited with. */
    public record LinkSettings(String name, Long expireDate, Integer memberLimit, boolean createsJoinRequest) {

        void validate() {
            if (name != null && name.length() > 32) {
                throw SandboxException.badRequest("invite link name is too long", "INVITE_LINK_NAME_INVALID");
            }
            if (memberLimit != null && createsJoinRequest) {
                throw SandboxException.badRequest(
                        "member limit can't be specified for links requiring administrator approval",
                        "USAGE_LIMIT_INVALID");
            }
            if (memberLimit != null && (memberLimit < 1 || memberLimit > 99_999)) {
                throw SandboxException.badRequest("member limit is invalid", "USAGE_LIMIT_INVALID");
            }
        }
    }

    public InviteLink create(long channelId, long actorId, LinkSettings settings) {
        settings.validate();
        return state.locked(() -> {
            Channel channel = requireManager(channelId, actorId);
            String url = "https://t.me/+" + state.randomToken(16);
            InviteLink link = new InviteLink(url, actorId, false);
            link.update(settings.name(), settings.expireDate(), settings.memberLimit(), settings.createsJoinRequest());
            channel.links().put(url, link);
            return link;
        });
    }

    public InviteLink edit(long channelId, long actorId, String url, LinkSettings settings) {
        settings.validate();
        return state.locked(() -> {
            InviteLink link = requireLink(requireManager(channelId, actorId), url);
            if (link.revoked()) {
                throw SandboxException.badRequest("INVITE_HASH_EXPIRED", "INVITE_HASH_EXPIRED");
            }
            link.update(settings.name(), settings.expireDate(), settings.memberLimit(), settings.createsJoinRequest());
            return link;
        });
    }

    public InviteLink revoke(long channelId, long actorId, String url) {
        return state.locked(() -> {
            InviteLink link = requireLink(requireManager(channelId, actorId), url);
            link.revoke();
            return link;
        });
    }

    private Channel requireManager(long channelId, long actorId) {
        Channel channel = state.requireChannel(channelId);
        ChannelAccess.requireAdmin(channel, state.requireAccount(actorId), AdminRights::canInviteUsers,
                "manage chat invite link");
        return channel;
    }

    private static InviteLink requireLink(Channel channel, String url) {
        InviteLink link = url == null ? null : channel.links().get(url);
        if (link == null) {
            throw SandboxException.badRequest("INVITE_HASH_INVALID", "INVITE_HASH_INVALID");
        }
        return link;
    }
}
