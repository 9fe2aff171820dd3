package ru.smetabot.sandbox.state;

/** A user's standing in a channel (admins and the owner are tracked by the channel's admin list). */
public record Membership(Status status, long date, String inviteLink) {

    public enum Status { MEMBER, LEFT, KICKED }

    public boolean isMember() {
        return status == Status.MEMBER;
    }
}
