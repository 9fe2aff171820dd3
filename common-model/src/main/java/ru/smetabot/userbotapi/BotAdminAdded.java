package ru.smetabot.userbotapi;

/** The bot is now an administrator of the room with these rights. */
public record BotAdminAdded(long chatId, long botUserId, AdminRights rights) {
}
