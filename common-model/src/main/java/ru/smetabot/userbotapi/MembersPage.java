package ru.smetabot.userbotapi;

import java.time.Instant;
import java.util.List;

/**
 * A page of a room's members (subscribers and admins). Telegram lists at most some thousands of a channel's
 * subscribers (and fewer for big channels), so {@code totalCount} may exceed what paging can reach; a caller
 * that wants to infer "left" from absence must check it read {@code totalCount} members.
 *
 * @param totalCount how many members the room has, by Telegram's count
 */
public record MembersPage(List<Member> members, int totalCount) {

    public MembersPage {
        members = List.copyOf(members == null ? List.of() : members);
    }

    /** A member: {@code status} is creator, administrator or member; {@code joinedAt} may be null. */
    public record Member(long userId, String firstName, String lastName, String username, boolean isBot, String status,
            Instant joinedAt) {
    }
}
