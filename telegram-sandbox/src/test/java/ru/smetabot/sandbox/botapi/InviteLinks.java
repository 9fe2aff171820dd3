package ru.smetabot.sandbox.botapi;

import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.objects.ChatInviteLink;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Test helper: create an invite link through the Bot API. */
final class InviteLinks {

    private InviteLinks() {
    }

    static ChatInviteLink create(TelegramClient telegram, long chatId, String name, boolean joinRequest)
            throws Exception {
        return telegram.execute(CreateChatInviteLink.builder().chatId(chatId).name(name)
                .createsJoinRequest(joinRequest).build());
    }
}
