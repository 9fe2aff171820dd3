package ru.smetabot.sandbox.mtproto;

import java.util.Map;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.updates.Json;

/** JSON shapes of the MTProto side (snake_case, ids as numbers). */
final class MtprotoViews {

    private MtprotoViews() {
    }

    static Map<String, Object> user(Account a) {
        return Json.obj("user_id", a.id(), "is_bot", a.bot(), "first_name", a.firstName(), "last_name", a.lastName(),
                "username", a.username(), "phone", a.phone());
    }

    static Map<String, Object> rights(AdminRights r) {
        return Json.obj("can_manage_chat", r.canManageChat(), "can_post_messages", r.canPostMessages(),
                "can_edit_messages", r.canEditMessages(), "can_delete_messages", r.canDeleteMessages(),
                "can_invite_users", r.canInviteUsers(), "can_restrict_members", r.canRestrictMembers(),
                "can_promote_members", r.canPromoteMembers(), "can_change_info", r.canChangeInfo());
    }
}
