package ru.smetabot.sandbox.state;

/** A channel invite link; mutable under the world lock (edit, revoke, joins). */
public final class InviteLink {

    private final String link;
    private final long creatorId;
    private final boolean primary;
    private String name;
    private Long expireDate;
    private Integer memberLimit;
    private boolean createsJoinRequest;
    private boolean revoked;
    private int joined;

    public InviteLink(String link, long creatorId, boolean primary) {
        this.link = link;
        this.creatorId = creatorId;
        this.primary = primary;
    }

    public void update(String name, Long expireDate, Integer memberLimit, boolean createsJoinRequest) {
        this.name = name;
        this.expireDate = expireDate;
        this.memberLimit = memberLimit;
        this.createsJoinRequest = createsJoinRequest;
    }

    /** Whether the link still lets people in at {@code nowSeconds}. */
    public boolean usable(long nowSeconds) {
        return !revoked && (expireDate == null || nowSeconds < expireDate)
                && (memberLimit == null || joined < memberLimit);
    }

    public void revoke() { revoked = true; }
    public void countJoin() { joined++; }

    public String link() { return link; }
    public long creatorId() { return creatorId; }
    public boolean primary() { return primary; }
    public String name() { return name; }
    public Long expireDate() { return expireDate; }
    public Integer memberLimit() { return memberLimit; }
    public boolean createsJoinRequest() { return createsJoinRequest; }
    public boolean revoked() { return revoked; }
    public int joined() { return joined; }
}
