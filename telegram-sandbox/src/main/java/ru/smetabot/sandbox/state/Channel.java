package ru.smetabot.sandbox.state;

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
    public Map<Long, JoinRequest> joinRequests() { return joinRequests; }
    /** The last decision on each user's join request (approve or decline), with its timing. */
    public Map<Long, JoinDecision> joinDecisions() { return joinDecisions; }
}
