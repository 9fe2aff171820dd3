package ru.smetabot.sandbox.mtproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.JoinRequest;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/** Admin lists, participants and join requests as an admin's user account reads them, paged. */
@Component
class ParticipantsReader {

    private final SandboxState state;
    private final MembershipService memberships;

    ParticipantsReader(SandboxState state, MembershipService memberships) {
        this.state = state;
        this.memberships = memberships;
    }

    void requireReader(long chatId, long userId) {
        state.locked(() -> {
            if (!state.requireChannel(chatId).canRead(userId)) {
                throw new MtprotoException(400, "CHANNEL_PRIVATE");
            }
        });
    }

    List<Map<String, Object>> admins(long chatId, long me) {
        requireReader(chatId, me);
        return state.locked(() -> {
            Channel c = state.requireChannel(chatId);
            List<Map<String, Object>> admins = new ArrayList<>();
            c.admins().forEach((id, rights) -> {
                Map<String, Object> admin = MtprotoViews.user(state.requireAccount(id));
                admin.put("is_owner", id == c.ownerId());
                admin.put("rights", MtprotoViews.rights(rights));
                admins.add(admin);
            });
            return admins;
        });
    }

    /**
     * Oldest first; pass the last user_id as offset_user_id for the next page. With {@code inviteLink}, only
     * that link's requests (and {@code count} is that link's), which TDLib's getChatJoinRequests allows
     * "for own links" to admins with can_invite_users and for other links to the owner only.
     */
    Map<String, Object> joinRequests(long chatId, long me, String inviteLink, long offsetUserId, int limit) {
        List<JoinRequest> all = memberships.pending(chatId, me);
        if (inviteLink != null && !inviteLink.isBlank()) {
            state.locked(() -> {
                Channel channel = state.requireChannel(chatId);
                InviteLink link = channel.links().get(inviteLink.trim());
                if (link == null) {
                    throw new MtprotoException(400, "INVITE_HASH_INVALID");
                }
                if (link.creatorId() != me && channel.ownerId() != me) {
                    throw new MtprotoException(403, "CHAT_ADMIN_REQUIRED");
                }
            });
            all = all.stream().filter(r -> inviteLink.trim().equals(r.inviteLink())).toList();
        }
        int start = 0;
        if (offsetUserId != 0) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).userId() == offsetUserId) {
                    start = i + 1;
                }
            }
        }
        List<JoinRequest> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        List<Map<String, Object>> rows = state.locked(() -> page.stream().map(r -> {
            Map<String, Object> row = MtprotoViews.user(state.requireAccount(r.userId()));
            row.put("date", r.date());
            row.put("invite_link", r.inviteLink());
            return row;
        }).toList());
        boolean more = start + limit < all.size();
        return Json.obj("count", all.size(), "requests", rows,
                "next_offset_user_id", more ? page.get(page.size() - 1).userId() : null);
    }

    Map<String, Object> participants(long chatId, long me, int offset, int limit) {
        requireReader(chatId, me);
        return state.locked(() -> {
            Channel c = state.requireChannel(chatId);
            List<Map<String, Object>> all = new ArrayList<>();
            c.admins().keySet().forEach(id -> all.add(participant(state.requireAccount(id),
                    id == c.ownerId() ? "creator" : "administrator", c.date())));
            c.members().forEach((id, m) -> {
                if (m.isMember() && !c.isAdmin(id)) {
                    all.add(participant(state.requireAccount(id), "member", m.date()));
                }
            });
            List<Map<String, Object>> page = all.subList(Math.min(offset, all.size()),
                    Math.min(offset + limit, all.size()));
            return Json.obj("count", all.size(), "participants", new ArrayList<>(page));
        });
    }

    private static Map<String, Object> participant(Account a, String status, long date) {
        Map<String, Object> row = MtprotoViews.user(a);
        row.put("status", status);
        row.put("date", date);
        return row;
    }
}
