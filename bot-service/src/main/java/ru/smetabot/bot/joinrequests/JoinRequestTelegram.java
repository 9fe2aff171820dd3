package ru.smetabot.bot.joinrequests;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;

/**
 * Approve, decline and "is this person in the channel?" through the Bot API. Telegram's answers to a
 * request that is no longer pending are ambiguous: {@code HIDE_REQUESTER_MISSING} means someone approved
 * it, someone declined it, or the user withdrew it; so the caller asks {@link #presence} before recording.
 */
@Component
class JoinRequestTelegram {

    private static final Set<String> PRESENT = Set.of("member", "administrator", "creator");

    private final BotGateway gateway;

    JoinRequestTelegram(BotGateway gateway) {
        this.gateway = gateway;
    }

    /** What Telegram said to our approve/decline. */
    enum Answer {
        /** Our call did it. */
        DONE,
        /** HIDE_REQUESTER_MISSING: no pending request (approved or declined by someone, or withdrawn). */
        GONE,
        /** USER_ALREADY_PARTICIPANT: the user is in the channel already. */
        PARTICIPANT
    }

    /** Whether the person is in the channel, by getChatMember. */
    enum Presence { MEMBER, ABSENT }

    Answer approve(long chatId, long userId) {
        try {
            gateway.execute(ApproveChatJoinRequest.builder().chatId(chatId).userId(userId).build());
            return Answer.DONE;
        } catch (BotApiException e) {
            return notPending(e);
        }
    }

    Answer decline(long chatId, long userId) {
        try {
            gateway.execute(DeclineChatJoinRequest.builder().chatId(chatId).userId(userId).build());
            return Answer.DONE;
        } catch (BotApiException e) {
            return notPending(e);
        }
    }

    /** Throws {@link BotApiException} when Telegram cannot tell (the caller leaves the decision open). */
    Presence presence(long chatId, long userId) {
        ChatMember member = gateway.execute(GetChatMember.builder().chatId(chatId).userId(userId).build());
        boolean in = PRESENT.contains(member.getStatus())
                || (member instanceof ChatMemberRestricted restricted && Boolean.TRUE.equals(restricted.getIsMember()));
        return in ? Presence.MEMBER : Presence.ABSENT;
    }

    private static Answer notPending(BotApiException e) {
        if (e.isRequestMissing()) {
            return Answer.GONE;
        }
        if (e.isAlreadyParticipant()) {
            return Answer.PARTICIPANT;
        }
        throw e;
    }

    /** Telegram's answer when the bot is an admin without the needed right. */
    static boolean lacksRights(BotApiException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return (e.errorCode() == 400 || e.errorCode() == 403)
                && (message.contains("not enough rights") || message.contains("chat_admin_required")
                || message.contains("administrator rights"));
    }
}
