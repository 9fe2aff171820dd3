package ru.smetabot.sandbox.state;

/**
 * How a join request ended: approved or declined, by whom, and when (wall-clock milliseconds of the
 * request and the decision). {@code laterAttempts} counts approve/decline calls for the same user
 * after the decision (answered HIDE_REQUESTER_MISSING): a bot deciding one request twice shows here.
 */
public final class JoinDecision {

    private final long userId;
    private final String inviteLink;
    private final long requestedAtMs;
    private final long decidedAtMs;
    private final boolean approved;
    private final long actorId;
    private int laterAttempts;

    public JoinDecision(JoinRequest request, boolean approved, long actorId) {
        this.userId = request.userId();
        this.inviteLink = request.inviteLink();
        this.requestedAtMs = request.requestedAtMs();
        this.decidedAtMs = System.currentTimeMillis();
        this.approved = approved;
        this.actorId = actorId;
    }

    public void attemptedAgain() {
        laterAttempts++;
    }

    public long userId() { return userId; }
    public String inviteLink() { return inviteLink; }
    public long requestedAtMs() { return requestedAtMs; }
    public long decidedAtMs() { return decidedAtMs; }
    public boolean approved() { return approved; }
    public long actorId() { return actorId; }
    public int laterAttempts() { return laterAttempts; }
}
