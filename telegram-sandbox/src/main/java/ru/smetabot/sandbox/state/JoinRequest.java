package ru.smetabot.sandbox.state;

/** A pending request of a user to join a channel through a link that creates join requests. */
public record JoinRequest(long userId, long date, String inviteLink) {
}
