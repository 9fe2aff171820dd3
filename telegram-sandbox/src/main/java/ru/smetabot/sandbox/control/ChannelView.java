package ru.smetabot.sandbox.control;

import java.util.List;

import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.JoinRequest;

/** A channel's settings and people as its owner sees them (build it under the world lock). */
record ChannelView(long id, String title, String username, long ownerId, int memberCount, int postCount,
                   List<Admin> admins, List<Member> members, List<Link> inviteLinks, List<JoinRequest> joinRequests) {

    record Admin(long userId, AdminRights rights) {
    }

    record Member(long userId, String status, long date, String inviteLink) {
    }

    record Link(String inviteLink, String name, Long expireDate, Integer memberLimit, boolean createsJoinRequest,
                boolean revoked, int joined, long creatorId) {
    }

    static ChannelView of(Channel c) {
        return new ChannelView(c.id(), c.title(), c.username(), c.ownerId(), c.memberCount(), c.posts().size(),
                c.admins().entrySet().stream().map(e -> new Admin(e.getKey(), e.getValue())).toList(),
                c.members().entrySet().stream().map(e -> new Member(e.getKey(),
                        e.getValue().status().name().toLowerCase(), e.getValue().date(), e.getValue().inviteLink()))
                        .toList(),
                c.links().values().stream().map(ChannelView::link).toList(),
                List.copyOf(c.joinRequests().values()));
    }

    private static Link link(InviteLink l) {
        return new Link(l.link(), l.name(), l.expireDate(), l.memberLimit(), l.createsJoinRequest(), l.revoked(),
                l.joined(), l.creatorId());
    }
}
