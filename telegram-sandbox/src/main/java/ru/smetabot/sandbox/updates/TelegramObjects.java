package ru.smetabot.sandbox.updates;

import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.Photo;
import ru.smetabot.sandbox.state.StoredFile;

/** Renders sandbox objects in the exact shapes of the Bot API (User, Chat, Message, ChatMember...). */
public final class TelegramObjects {

    private TelegramObjects() {
    }

    public static Map<String, Object> user(Account a) {
        return Json.obj("id", a.id(), "is_bot", a.bot(), "first_name", a.firstName(), "last_name", a.lastName(),
                "username", a.username(), "language_code", a.bot() ? null : a.languageCode());
    }

    public static Map<String, Object> privateChat(Account user) {
        return Json.obj("id", user.id(), "type", "private", "first_name", user.firstName(),
                "last_name", user.lastName(), "username", user.username());
    }

    public static Map<String, Object> channelChat(Channel c) {
        return Json.obj("id", c.id(), "type", "channel", "title", c.title(), "username", c.username());
    }

    /** A message in a private chat; {@code from} is the sender (user or bot). */
    public static Map<String, Object> dialogMessage(Message m, Map<String, Object> chat, Account from) {
        Map<String, Object> json = base(m, chat);
        json.put("from", user(from));
        return json;
    }

    /** A channel post: the sender is the channel itself, as Telegram shows it to bots. */
    public static Map<String, Object> channelPost(Message m, Channel channel, Account author) {
        Map<String, Object> json = base(m, channelChat(channel));
        json.put("sender_chat", channelChat(channel));
        if (author != null && !author.bot()) {
            json.put("author_signature", author.displayName());
        }
        json.put("views", m.views());
        return json;
    }

    private static Map<String, Object> base(Message m, Map<String, Object> chat) {
        Map<String, Object> json = Json.obj("message_id", m.id(), "date", m.date(), "chat", chat,
                "edit_date", m.editCount() > 0 ? m.editDate() : null,
                "has_protected_content", m.protectedContent() ? Boolean.TRUE : null);
        if (m.document() != null || m.photo() != null) {
            if (m.document() != null) {
                json.put("document", document(m.document()));
            } else {
                json.put("photo", List.of(photoSize(m.photo())));
            }
            if (m.text() != null) {
                json.put("caption", m.text());
            }
            if (!m.entities().isEmpty()) {
                json.put("caption_entities", m.entities());
            }
        } else if (m.text() != null) {
            json.put("text", m.text());
            if (!m.entities().isEmpty()) {
                json.put("entities", m.entities());
            }
        }
        Map<String, Object> markup = m.replyMarkup();
        if (markup != null && markup.containsKey("inline_keyboard")) {
            json.put("reply_markup", markup);
        }
        return json;
    }

    public static Map<String, Object> document(StoredFile f) {
        return Json.obj("file_id", f.fileId(), "file_unique_id", f.fileUniqueId(), "file_name", f.fileName(),
                "mime_type", f.mimeType(), "file_size", f.size());
    }

    /** Telegram sends several sizes of a photo, smallest first; the sandbox keeps only the original. */
    public static Map<String, Object> photoSize(Photo p) {
        return Json.obj("file_id", p.file().fileId(), "file_unique_id", p.file().fileUniqueId(),
                "width", p.width(), "height", p.height(), "file_size", p.file().size());
    }

    public static Map<String, Object> inviteLink(InviteLink l, Account creator, int pending) {
        return Json.obj("invite_link", l.link(), "creator", user(creator),
                "creates_join_request", l.createsJoinRequest(), "is_primary", l.primary(),
                "is_revoked", l.revoked(), "name", l.name(), "expire_date", l.expireDate(),
                "member_limit", l.memberLimit(),
                "pending_join_request_count", l.createsJoinRequest() ? pending : null);
    }

    public static Map<String, Object> owner(Account a) {
        return Json.obj("status", "creator", "user", user(a), "is_anonymous", false);
    }

    public static Map<String, Object> administrator(Account a, AdminRights r) {
        return Json.obj("status", "administrator", "user", user(a), "can_be_edited", false,
                "is_anonymous", false, "can_manage_chat", r.canManageChat(),
                "can_delete_messages", r.canDeleteMessages(), "can_manage_video_chats", false,
                "can_restrict_members", r.canRestrictMembers(), "can_promote_members", r.canPromoteMembers(),
                "can_change_info", r.canChangeInfo(), "can_invite_users", r.canInviteUsers(),
                "can_post_messages", r.canPostMessages(), "can_edit_messages", r.canEditMessages(),
                "can_post_stories", false, "can_edit_stories", false, "can_delete_stories", false);
    }

    /** A plain status: "member", "left" or "kicked" (kicked carries until_date 0 = forever). */
    public static Map<String, Object> plainMember(Account a, String status) {
        return Json.obj("status", status, "user", user(a), "until_date", "kicked".equals(status) ? 0 : null);
    }
}
