package ru.smetabot.bot.members;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import ru.smetabot.bot.jdbc.JdbcTransactions;
import ru.smetabot.bot.members.MemberChanges.Seen;
import ru.smetabot.bot.notifications.NoticeRoom;
import ru.smetabot.bot.notifications.NoticeRooms;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateKind;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRegistry.NewClient;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;

/**
 * chat_member: someone joined a room (through any link, or was added), left, was kicked or banned.
 * The client's status and time follow; only a real change is logged as an event.
 */
@Component
class ChatMemberHandler implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatMemberHandler.class);
    private static final Set<String> PRESENT = Set.of("member", "restricted");

    private final NoticeRooms rooms;
    private final MemberChanges clients;
    private final ClientRegistry registry;
    private final EventLog events;
    private final TransactionTemplate tx;
    private final MemberNotices notices;

    ChatMemberHandler(NoticeRooms rooms, MemberChanges clients, ClientRegistry registry, EventLog events, JdbcTransactions tx,
            MemberNotices notices) {
        this.notices = notices;
        this.rooms = rooms;
        this.clients = clients;
        this.registry = registry;
        this.events = events;
        this.tx = tx.template(); // plain SQL only: no JPA session per transaction
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.CHAT_MEMBER;
    }

    @Override
    public void handle(Update update) {
        ChatMemberUpdated change = update.getChatMember();
        User user = change.getNewChatMember().getUser();
        Optional<NoticeRoom> room = rooms.activeByChat(change.getChat().getId());
        if (room.isEmpty() || user == null || Boolean.TRUE.equals(user.getIsBot())) {
            return;
        }
        String status = change.getNewChatMember().getStatus();
        Instant when = change.getDate() == null ? Instant.now() : Instant.ofEpochSecond(change.getDate());
        MemberNotices.Change happened = tx.execute(s -> apply(room.get(), change, user, status, when));
        if (happened != null) {
            notices.tell(room.get(), user, happened); // after the commit: the owner hears only what was recorded
        }
    }

    /** What changed, for the owner's notice; null when nothing did. */
    private MemberNotices.Change apply(NoticeRoom room, ChatMemberUpdated change, User user, String status, Instant when) {
        Seen seen = clients.read(room.id(), user.getId(), change.getInviteLink() == null ? null
                : change.getInviteLink().getInviteLink());
        ClientStatus before = seen.status();
        if (PRESENT.contains(status)) {
            Long inviteId = seen.inviteId();
            String fullName = user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
            var registration = registry.register(new NewClient(room.id(), inviteId, user.getId(), user.getUserName(),
                    fullName, ClientStatus.ACTIVE, when));
            // "before" was read without a lock: a join-request decision may have inserted the row meanwhile,
            // so a join counts only when this upsert created the row or revived a known non-active one.
            boolean joined = registration.status() == ClientStatus.ACTIVE && (registration.newlyRegistered()
                    || (before != null && before != ClientStatus.ACTIVE));
            if (joined) {
                events.record(EventType.CLIENT_JOIN, room.id(), registration.clientId(), details(inviteId, change));
                log.info("Room {}: user {} joined ({})", room.id(), user.getId(),
                        inviteId == null ? "not through one of our links" : "link " + inviteId);
                // A join after a request (via_join_request, or a link that creates requests) was told when the
                // request was decided (joinrequests); a join without a request is told here.
                boolean requested = Boolean.TRUE.equals(change.getViaJoinRequest()) || change.getInviteLink() != null
                        && Boolean.TRUE.equals(change.getInviteLink().getCreatesJoinRequest());
                return requested ? null : MemberNotices.Change.joined(inviteId, seen.linkName());
            }
            return null;
        }
        ClientStatus after = "kicked".equals(status) ? ClientStatus.BANNED : "left".equals(status) ? ClientStatus.LEFT : null;
        if (after == null || before == null || before == after) {
            return null;
        }
        registry.changeStatus(room.id(), user.getId(), after, when);
        events.record(after == ClientStatus.BANNED ? EventType.CLIENT_BANNED : EventType.CLIENT_LEAVE, room.id(),
                seen.clientId(), Map.of("by", change.getFrom() == null ? 0L : change.getFrom().getId()));
        log.info("Room {}: user {} is now {}", room.id(), user.getId(), after.dbValue());
        return before == ClientStatus.ACTIVE ? MemberNotices.Change.gone(after == ClientStatus.BANNED) : null;
    }

    private static Map<String, Object> details(Long inviteId, ChatMemberUpdated change) {
        return Map.of("invite_id", inviteId == null ? 0L : inviteId,
                "via_join_request", Boolean.TRUE.equals(change.getViaJoinRequest()));
    }
}
