package ru.smetabot.userbotapi;

/** Administrator rights in a channel, as Telegram names them. */
public record AdminRights(
        boolean changeInfo,
        boolean postMessages,
        boolean editMessages,
        boolean deleteMessages,
        boolean inviteUsers,
        boolean restrictMembers,
        boolean promoteMembers) {

    /** What the room bot needs: post files, create invite links, approve joins, block clients. */
    public static AdminRights forRoomBot() {
        return new AdminRights(true, true, true, true, true, true, false);
    }
}
