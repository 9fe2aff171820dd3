package ru.smetabot.sandbox.state;

import java.util.Map;

/** The administrator rights of a channel admin, named as in the Bot API. */
public record AdminRights(boolean canManageChat, boolean canPostMessages, boolean canEditMessages,
                          boolean canDeleteMessages, boolean canInviteUsers, boolean canRestrictMembers,
                          boolean canPromoteMembers, boolean canChangeInfo) {

    /**
     * From Bot API field names (can_post_messages...): absent rights are false, can_manage_chat is implied,
     * a null map means all rights.
     */
    public static AdminRights fromMap(Map<String, Boolean> rights) {
        if (rights == null) {
            return all();
        }
        java.util.function.Predicate<String> on = name -> Boolean.TRUE.equals(rights.get(name));
        return new AdminRights(true, on.test("can_post_messages"),
                on.test("can_edit_messages"), on.test("can_delete_messages"), on.test("can_invite_users"),
                on.test("can_restrict_members"), on.test("can_promote_members"), on.test("can_change_info"));
    }

    public static AdminRights all() {
        return new AdminRights(true, true, true, true, true, true, true, true);
    }
}
