package ru.smetabot.sandbox.state;

/** The administrator rights of a channel admin, named as in the Bot API. */
public record AdminRights(boolean canManageChat, boolean canPostMessages, boolean canEditMessages,
                          boolean canDeleteMessages, boolean canInviteUsers, boolean canRestrictMembers,
                          boolean canPromoteMembers, boolean canChangeInfo) {

    public static AdminRights all() {
        return new AdminRights(true, true, true, true, true, true, true, true);
    }
}
