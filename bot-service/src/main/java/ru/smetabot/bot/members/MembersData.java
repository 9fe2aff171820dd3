package ru.smetabot.bot.members;

import java.time.Instant;
import java.util.List;
import ru.smetabot.model.clients.ClientStatus;

/**
 * What "👥 Участники" shows: administrators (null when neither the Bot API nor the userbot could
 * list them), Telegram's member count (null when unknown) next to ours, and one page of clients.
 */
record MembersData(long roomId, String title, List<Admin> admins, Integer telegramCount, long activeClients,
        long totalClients, List<ClientLine> clients, int page, int pages, String notice) {

    record Admin(long userId, String name, String username, boolean owner, boolean bot) {
    }

    record ClientLine(long clientId, String name, String username, long tgUserId, String linkName, Instant joinedAt,
            ClientStatus status) {
    }
}
