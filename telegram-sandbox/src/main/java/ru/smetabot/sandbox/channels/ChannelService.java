package ru.smetabot.sandbox.channels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.dialogs.MessageEdit;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.AdminRights;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.Membership;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.Photo;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;

/** Creating channels, appointing admins, posting, editing posts and counting views. */
@Service
public class ChannelService {

    private final SandboxState state;
    private final ChannelEvents events;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    ChannelService(SandboxState state, ChannelEvents events, SandboxClock clock, SandboxProperties properties) {
        this.state = state;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    public Channel create(long ownerId, String title) {
        if (title == null || title.isBlank() || title.length() > 128) {
            throw SandboxException.badRequest("invalid channel title", "CHAT_TITLE_EMPTY");
        }
        return state.locked(() -> {
            Account owner = state.requireAccount(ownerId);
            if (owner.bot()) {
                throw SandboxException.forbidden("bots can't create channels", "USER_BOT_REQUIRED");
            }
            return state.newChannel(ownerId, title, clock.epochSeconds());
        });
    }

    /** Makes {@code targetId} an admin (or changes its rights); a bot gets my_chat_member. */
    public void promote(long channelId, long actorId, long targetId, AdminRights rights) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account actor = state.requireAccount(actorId);
            Account target = state.requireAccount(targetId);
            ChannelAccess.requireAdmin(channel, actor, AdminRights::canPromoteMembers, "promote members");
            if (channel.ownerId() == targetId) {
                throw SandboxException.badRequest("can't change the owner's rights", "USER_CREATOR");
            }
            Map<String, Object> before = events.member(channel, target);
            channel.admins().put(targetId, rights);
            channel.members().put(targetId, new Membership(Membership.Status.MEMBER, clock.epochSeconds(), null));
            events.memberChanged(channel, actor, target, before, null, false);
        });
    }

    /** Takes admin rights away; a bot leaves the channel (bots are only ever admins there). */
    public void demote(long channelId, long actorId, long targetId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account actor = state.requireAccount(actorId);
            Account target = state.requireAccount(targetId);
            ChannelAccess.requireAdmin(channel, actor, AdminRights::canPromoteMembers, "promote members");
            if (channel.ownerId() == targetId || !channel.isAdmin(targetId)) {
                throw SandboxException.badRequest("user is not an administrator", "USER_NOT_PARTICIPANT");
            }
            Map<String, Object> before = events.member(channel, target);
            channel.admins().remove(targetId);
            Membership.Status status = target.bot() ? Membership.Status.LEFT : Membership.Status.MEMBER;
            channel.members().put(targetId, new Membership(status, clock.epochSeconds(), null));
            events.memberChanged(channel, actor, target, before, null, false);
        });
    }

    /** A post by an admin (user or bot); every admin bot receives channel_post. */
    public Message post(long channelId, long authorId, String text, StoredFile document, Map<String, Object> markup) {
        return post(channelId, authorId, text, document, markup, false);
    }

    public Message post(long channelId, long authorId, String text, StoredFile document, Map<String, Object> markup,
                        boolean protectContent) {
        return post(channelId, authorId, text, document, null, markup, protectContent);
    }

    /** A post with text, a {@code document} or a {@code photo} ({@code text} is then the caption). */
    public Message post(long channelId, long authorId, String text, StoredFile document, Photo photo,
                        Map<String, Object> markup, boolean protectContent) {
        return post(channelId, authorId, text, List.of(), document, photo, markup, protectContent);
    }

    /** As above, with the MessageEntity objects of {@code text} (parsed from parse_mode). */
    public Message post(long channelId, long authorId, String text, List<Map<String, Object>> entities,
                        StoredFile document, Photo photo, Map<String, Object> markup, boolean protectContent) {
        return state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account author = state.requireAccount(authorId);
            ChannelAccess.requireAdmin(channel, author, AdminRights::canPostMessages, "send messages");
            Message post = new Message(channel.nextMessageId(), channel.id(), authorId, clock.epochSeconds(),
                    text, document, photo, markup, protectContent);
            post.entities(entities);
            channel.posts().put(post.id(), post);
            events.posted(channel, post, author);
            return post;
        });
    }

    public Message edit(long channelId, long editorId, int messageId, String text, Map<String, Object> markup,
                        boolean keepText) {
        return edit(channelId, editorId, messageId, keepText ? MessageEdit.markup(markup)
                : new MessageEdit(MessageEdit.Kind.TEXT, text, List.of(), markup));
    }

    /**
     * setChatTitle: an admin with can_change_info renames the channel; the same title again is refused as
     * Telegram refuses it ("chat title is not modified").
     */
    public void setTitle(long channelId, long actorId, String title) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            ChannelAccess.requireAdmin(channel, state.requireAccount(actorId), AdminRights::canChangeInfo,
                    "change chat title");
            if (title.equals(channel.title())) {
                throw SandboxException.badRequest("chat title is not modified", "CHAT_NOT_MODIFIED");
            }
            channel.title(title);
            return null;
        });
    }

    /** editMessageText, editMessageCaption or editMessageReplyMarkup of a channel post. */
    public Message edit(long channelId, long editorId, int messageId, MessageEdit edit) {
        return state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Account editor = state.requireAccount(editorId);
            ChannelAccess.requireAdmin(channel, editor, AdminRights::canEditMessages, "edit messages");
            Message post = channel.posts().get(messageId);
            if (post == null) {
                throw SandboxException.badRequest("message to edit not found", "MESSAGE_ID_INVALID");
            }
            edit.apply(post, clock.epochSeconds());
            return post;
        });
    }

    /** What a member's client shows: all posts, each counting one view per viewer per cooldown. */
    public List<Message> readPosts(long channelId, long viewerId) {
        return state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            state.requireAccount(viewerId);
            if (!channel.canRead(viewerId)) {
                throw SandboxException.forbidden("the user is not a member of the channel", "CHANNEL_PRIVATE");
            }
            List<Message> posts = new ArrayList<>(channel.posts().values());
            posts.forEach(p -> p.view(viewerId, clock.now(), properties.viewCooldown()));
            return posts;
        });
    }

    /** Current counters without counting anything (MTProto getMessagesViews with increment=false). */
    public ViewCounts peekViews(long channelId, List<Integer> messageIds) {
        return state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            Map<Integer, Integer> views = new LinkedHashMap<>();
            List<Integer> missing = new ArrayList<>();
            for (Integer id : messageIds) {
                Message post = channel.posts().get(id);
                if (post == null) {
                    missing.add(id);
                } else {
                    views.put(id, post.views());
                }
            }
            return new ViewCounts(views, missing);
        });
    }

    public void delete(long channelId, long actorId, int messageId) {
        state.locked(() -> {
            Channel channel = state.requireChannel(channelId);
            ChannelAccess.requireAdmin(channel, state.requireAccount(actorId), AdminRights::canDeleteMessages,
                    "delete messages");
            if (channel.posts().remove(messageId) == null) {
                throw SandboxException.badRequest("message to delete not found", "MESSAGE_ID_INVALID");
            }
        });
    }
}
