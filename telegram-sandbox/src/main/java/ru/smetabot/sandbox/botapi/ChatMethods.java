package ru.smetabot.sandbox.botapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.channels.ChannelEvents;
import ru.smetabot.sandbox.channels.ChannelService;
import ru.smetabot.sandbox.channels.MembershipService;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/** Reading chats and their members, banning, and renaming a channel (setChatTitle). The bot sees only channels where it is an admin. */
@Component
class ChatMethods implements BotMethodGroup {

    private final SandboxState state;
    private final ChannelEvents events;
    private final MembershipService memberships;
    private final ChannelService channels;

    ChatMethods(SandboxState state, ChannelEvents events, MembershipService memberships, ChannelService channels) {
        this.channels = channels;
        this.state = state;
        this.events = events;
        this.memberships = memberships;
    }

    @Override
    public Map<String, BotMethod> methods() {
        return Map.of(
                "getChat", this::getChat,
                "getChatAdministrators", (bot, r) -> state.locked(() -> {
                    Channel channel = visibleChannel(bot, r);
                    List<Map<String, Object>> admins = new ArrayList<>();
                    channel.admins().keySet().forEach(id -> admins.add(events.member(channel,
                            state.requireAccount(id))));
                    return admins;
                }),
                "getChatMemberCount", (bot, r) -> state.locked(() -> visibleChannel(bot, r).memberCount()),
                "getChatMember", (bot, r) -> state.locked(() -> {
                    Channel channel = visibleChannel(bot, r);
                    Account user = state.account(r.requireLong("user_id"))
                            .orElseThrow(() -> SandboxException.badRequest("user not found", null));
                    return events.member(channel, user);
                }),
                "banChatMember", (bot, r) -> {
                    memberships.ban(channelId(r), bot.id(), r.requireLong("user_id"));
                    return true;
                },
                "setChatTitle", (bot, r) -> {
                    channels.setTitle(channelId(r), bot.id(), r.requireString("title"));
                    return true;
                },
                "unbanChatMember", (bot, r) -> {
                    memberships.unban(channelId(r), bot.id(), r.requireLong("user_id"), r.bool("only_if_banned"));
                    return true;
                });
    }

    private Object getChat(Account bot, BotRequest r) {
        return state.locked(() -> {
            ChatTarget target = ChatTarget.resolve(state, r.string("chat_id"));
            Map<String, Object> extra = Json.obj("accent_color_id", 0, "max_reaction_count", 11);
            if (target.user() != null) {
                state.dialog(bot.id(), target.user().id()).orElseThrow(SandboxException::chatNotFound);
                Account u = target.user();
                Map<String, Object> chat = Json.obj("id", u.id(), "type", "private", "first_name", u.firstName(),
                        "last_name", u.lastName(), "username", u.username());
                chat.putAll(extra);
                return chat;
            }
            Channel c = visibleChannel(bot, r);
            Map<String, Object> chat = Json.obj("id", c.id(), "type", "channel", "title", c.title(),
                    "username", c.username());
            chat.putAll(extra);
            return chat;
        });
    }

    /** A private channel the bot is not in does not exist for it, as in Telegram. */
    private Channel visibleChannel(Account bot, BotRequest r) {
        Channel channel = ChatTarget.resolve(state, r.string("chat_id")).requireChannel();
        if (!channel.isAdmin(bot.id())) {
            throw SandboxException.chatNotFound();
        }
        return channel;
    }

    private long channelId(BotRequest r) {
        return state.locked(() -> ChatTarget.resolve(state, r.string("chat_id")).requireChannel().id());
    }
}
