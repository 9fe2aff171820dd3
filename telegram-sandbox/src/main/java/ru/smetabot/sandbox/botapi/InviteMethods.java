package ru.smetabot.sandbox.botapi;

import java.util.Map;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.channels.ChannelEvents;
import ru.smetabot.sandbox.channels.InviteLinkService;
import ru.smetabot.sandbox.channels.InviteLinkService.LinkSettings;
import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.SandboxState;

/** Invite links and join requests. */
@Component
class InviteMethods implements BotMethodGroup {

    private final SandboxState state;
    private final InviteLinkService links;
    private final MembershipService memberships;
    private final ChannelEvents events;

    InviteMethods(SandboxState state, InviteLinkService links, MembershipService memberships, ChannelEvents events) {
        this.state = state;
        this.links = links;
        this.memberships = memberships;
        this.events = events;
    }

    @Override
    public Map<String, BotMethod> methods() {
        return Map.of(
                "createChatInviteLink", (bot, r) -> render(channelId(r),
                        links.create(channelId(r), bot.id(), settings(r))),
                "editChatInviteLink", (bot, r) -> render(channelId(r),
                        links.edit(channelId(r), bot.id(), r.requireString("invite_link"), settings(r))),
                "revokeChatInviteLink", (bot, r) -> render(channelId(r),
                        links.revoke(channelId(r), bot.id(), r.requireString("invite_link"))),
                "approveChatJoinRequest", (bot, r) -> {
                    memberships.approve(channelId(r), bot.id(), r.requireLong("user_id"));
                    return true;
                },
                "declineChatJoinRequest", (bot, r) -> {
                    memberships.decline(channelId(r), bot.id(), r.requireLong("user_id"));
                    return true;
                });
    }

    private static LinkSettings settings(BotRequest r) {
        return new LinkSettings(r.string("name"), r.optionalLong("expire_date"), r.optionalInt("member_limit"),
                r.bool("creates_join_request"));
    }

    private Map<String, Object> render(long channelId, InviteLink link) {
        return state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            return events.inviteLink(channel, link);
        });
    }

    private long channelId(BotRequest r) {
        return state.locked(() -> ChatTarget.resolve(state, r.string("chat_id")).requireChannel().id());
    }
}
