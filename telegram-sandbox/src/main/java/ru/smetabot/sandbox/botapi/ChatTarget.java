package ru.smetabot.sandbox.botapi;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;

/** What a chat_id names: a channel (-100… or @username) or a user's private chat with the bot. */
record ChatTarget(Channel channel, Account user) {

    static ChatTarget resolve(SandboxState state, String chatId) {
        if (chatId == null || chatId.isBlank()) {
            throw SandboxException.badRequest("chat_id is empty", null);
        }
        if (chatId.startsWith("@")) {
            return state.channelByUsername(chatId.substring(1)).map(c -> new ChatTarget(c, null))
                    .orElseThrow(SandboxException::chatNotFound);
        }
        long id;
        try {
            id = Long.parseLong(chatId.trim());
        } catch (NumberFormatException e) {
            throw SandboxException.chatNotFound();
        }
        if (id < 0) {
            return new ChatTarget(state.requireChannel(id), null);
        }
        Account user = state.account(id).filter(a -> !a.bot()).orElseThrow(SandboxException::chatNotFound);
        return new ChatTarget(null, user);
    }

    Channel requireChannel() {
        if (channel == null) {
            throw SandboxException.badRequest("method is available only for supergroups and channel", null);
        }
        return channel;
    }
}
