package ru.smetabot.userbotapi;

/** How many members (subscribers and admins) a room has. */
public record MemberCount(long chatId, int count) {
}
