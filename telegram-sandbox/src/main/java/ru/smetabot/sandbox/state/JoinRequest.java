package ru.smetabot.sandbox.state;

/**
 * A pending request of a user to join a channel through a link that creates join requests;
 * {@code requestedAtMs} is wall-clock milliseconds, for timing the decision.
 */
public record JoinRequest(long userId, long date, String inviteLink, long requestedAtMs) {
}
