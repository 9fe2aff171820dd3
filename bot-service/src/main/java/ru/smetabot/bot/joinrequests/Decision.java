package ru.smetabot.bot.joinrequests;

import java.time.Instant;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.Verdict;

/**
 * A join-request decision written before Telegram is asked ({@code core.join_decisions}, state 'decided');
 * an approval has already reserved its slot on the link.
 */
record Decision(long id, long roomId, LinkState link, long chatId, long userId, Verdict verdict, JoinRequest.Source source,
        String username, String fullName, Instant requestedAt) {

    /** The request as the owner's notice and the log show it. */
    JoinRequest request() {
        return new JoinRequest(chatId, userId, fullName, null, username, null, requestedAt, source);
    }
}
