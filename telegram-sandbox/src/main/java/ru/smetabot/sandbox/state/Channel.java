package ru.smetabot.sandbox.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A broadcast channel: owner, admins, members, posts, invite links and pending join requests. */
public final class Channel {

    private final long id;
    private final long ownerId;
    private final long date;
    private String title;
    private String username;
    private int lastMessageId;
    private final Map<Long, AdminRights> admins = new LinkedHashMap<>();
    private final Map<Long, Membership> members = new LinkedHashMap<>();
    private final Map<Integer, Message> posts = new LinkedHashMap<>();
    private final Map<String, InviteLink> links = new LinkedHashMap<>();
    private final Map<Long, JoinRequest> joinRequests = new LinkedHashMap<>();
    private final Map<Long, JoinDecision> joinDecisions = new LinkedHashMap<>();
    /**
     * Pending requests per invite link, derived from {@link #joinRequests} (not stored: rebuilt on first use after a
     * load). Every chat_join_request and chat_member update carries the link's pending_join_request_count, so
     * counting by scanning all of a channel's requests made a storm of n requests cost n² (JFR: a fifth of the
     * sandbox's CPU in a 10 000-request storm).
     */
    private transient Map<String, Integer> pendingByLink;

    public Channel(long id, long ownerId, String title, long date) {
        this.id = id;
        this.ownerId = ownerId;
        this.title = title;
        this.date = date;
        admins.put(ownerId, AdminRights.all());
    }

    public int nextMessageId() {
        return ++lastMessageId;
    }

    public boolean isAdmin(long accountId) {
        return admins.containsKey(accountId);
    }

    /** Whether the account sees the channel: owner, admin or member. */
    public boolean canRead(long accountId) {
        Membership m = members.get(accountId);
        return isAdmin(accountId) || (m != null && m.isMember());
    }

    /** Subscribers as Telegram counts them: admins (incl. owner and bots) plus members. */
    public int memberCount() {
        long plain = members.entrySet().stream()
                .filter(e -> e.getValue().isMember() && !admins.containsKey(e.getKey())).count();
        return (int) plain + admins.size();
    }

    public long id() { return id; }
    public long ownerId() { return ownerId; }
    public long date() { return date; }
    public String title() { return title; }
    public void title(String title) { this.title = title; }
    public String username() { return username; }
    public void username(String username) { this.username = username; }
    public Map<Long, AdminRights> admins() { return admins; }
    public Map<Long, Membership> members() { return members; }
    public Map<Integer, Message> posts() { return posts; }
    public Map<String, InviteLink> links() { return links; }
    /** Pending join requests by user, oldest first (read-only: change them with add/removeJoinRequest). */
    public Map<Long, JoinRequest> joinRequests() { return Collections.unmodifiableMap(joinRequests); }

    /** Adds a pending request unless the user has one; false when they had. */
    public boolean addJoinRequest(JoinRequest request) {
        Map<String, Integer> pending = pendingByLink(); // built before the change, so it is not counted twice
        if (joinRequests.putIfAbsent(request.userId(), request) != null) {
            return false;
        }
        if (request.inviteLink() != null) {
            pending.merge(request.inviteLink(), 1, Integer::sum);
        }
        return true;
    }

    /** Removes the user's pending request; the removed one, or null when there was none. */
    public JoinRequest removeJoinRequest(long userId) {
        Map<String, Integer> pending = pendingByLink();
        JoinRequest removed = joinRequests.remove(userId);
        if (removed != null && removed.inviteLink() != null) {
            pending.computeIfPresent(removed.inviteLink(), (link, n) -> n > 1 ? n - 1 : null);
        }
        return removed;
    }

    /** How many requests through this link are pending (Bot API ChatInviteLink.pending_join_request_count). */
    public int pendingJoinRequests(String inviteLink) {
        return pendingByLink().getOrDefault(inviteLink, 0);
    }

    private Map<String, Integer> pendingByLink() {
        if (pendingByLink == null) {
            Map<String, Integer> counts = new HashMap<>();
            joinRequests.values().stream().filter(r -> r.inviteLink() != null)
                    .forEach(r -> counts.merge(r.inviteLink(), 1, Integer::sum));
            pendingByLink = counts;
        }
        return pendingByLink;
    }
    /** The last decision on each user's join request (approve or decline), with its timing. */
    public Map<Long, JoinDecision> joinDecisions() { return joinDecisions; }
}
