package ru.smetabot.bot.joinrequests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.smetabot.bot.jdbc.JdbcTransactions;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.Verdict;
import ru.smetabot.bot.joinrequests.JoinRequestStore.Requester;
import ru.smetabot.bot.notifications.NoticeRoom;
import ru.smetabot.bot.notifications.NoticeRooms;
import ru.smetabot.bot.telegram.BotApiException;

/**
 * One join request, from the update or the sweep, decided the same way: room by chat id, link by its URL,
 * policy, then the decision is written ({@code core.join_decisions}) in a short transaction holding the
 * link's row lock, an approval reserving its slot there, so a limit of 1 admits one person. Telegram is
 * asked after that transaction, never inside one ({@link JoinDecisions}), and what it confirms is recorded
 * in a transaction of its own; a decision whose record failed stays open for the reconciliation. A request
 * whose person has an open decision completes that decision instead of making a second one.
 */
@Service
public class JoinRequestService {

    private static final Logger log = LoggerFactory.getLogger(JoinRequestService.class);

    private final NoticeRooms rooms;
    private final JoinRequestStore store;
    private final JoinDecisions decisions;
    private final JoinRequestTelegram telegram;
    private final OwnerNotices notices;
    private final JoinRequestMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    JoinRequestService(NoticeRooms rooms, JoinRequestStore store, JoinDecisions decisions, JoinRequestTelegram telegram,
            OwnerNotices notices, JoinRequestMetrics metrics, JdbcTransactions tx) {
        this.rooms = rooms;
        this.store = store;
        this.decisions = decisions;
        this.telegram = telegram;
        this.notices = notices;
        this.metrics = metrics;
        this.tx = tx.template(); // plain SQL only: no JPA session per transaction
        this.clock = Clock.systemUTC();
    }

    /**
     * What became of a request; {@code APPROVED} and {@code DECLINED} are the ones that changed something.
     * {@code NOT_ADMITTED}: the request was gone (withdrawn, or declined by another admin) and the person is not in
     * the channel, so nothing was recorded.
     */
    public enum Outcome { APPROVED, DECLINED, NOT_ADMITTED, DUPLICATE, UNKNOWN_ROOM, UNKNOWN_LINK, FAILED }

    public record Result(Outcome outcome, Verdict verdict, LinkState link, long clientId) {
    }

    /** The written decision to carry out, or the result when there is nothing to ask Telegram to record. */
    private record Plan(Decision decision, boolean fresh, Result result) {
    }

    public Result handle(JoinRequest request) {
        Optional<NoticeRoom> room = rooms.activeByChat(request.chatId());
        if (room.isEmpty()) {
            log.info("Join request of user {} to chat {}: not a room of ours; left pending", request.userId(), request.chatId());
            return finish(request, null, new Result(Outcome.UNKNOWN_ROOM, null, null, 0));
        }
        Result result;
        try {
            Plan plan = tx.execute(status -> decide(room.get(), request));
            if (plan.result() != null) {
                return finish(request, room.get(), plan.result());
            }
            if (plan.decision().verdict() == Verdict.ALREADY_MEMBER) {
                telegram.approve(request.chatId(), request.userId()); // clears a pending request of someone we know
                return finish(request, room.get(), new Result(Outcome.DUPLICATE, Verdict.ALREADY_MEMBER, plan.decision().link(), 0));
            }
            result = decisions.apply(plan.decision(), plan.fresh(), plan.fresh());
        } catch (BotApiException e) {
            if (JoinRequestTelegram.lacksRights(e)) {
                log.warn("Room {}: the bot lacks the right can_invite_users (\"Add members\"), so join requests stay pending: {}",
                        room.get().id(), e.getMessage());
            } else {
                log.warn("Room {}: join request of user {} not carried out, its decision stays open for the sweep: {}",
                        room.get().id(), request.userId(), e.getMessage());
            }
            return finish(request, room.get(), new Result(Outcome.FAILED, null, null, 0));
        } catch (RuntimeException e) {
            log.error("Room {}: join request of user {} not recorded ({}); if Telegram admitted them, the reconciliation "
                    + "with the next sweep records them", room.get().id(), request.userId(), e.toString());
            return finish(request, room.get(), new Result(Outcome.FAILED, null, null, 0));
        }
        return finish(request, room.get(), result);
    }

    /**
     * Completes the decisions left open for longer than {@code grace} (Telegram may or may not have been asked):
     * Telegram is asked again and getChatMember settles it, so nobody is in a channel unrecorded and a reserved
     * slot is either used or given back. Runs with each sweep; returns how many decisions it closed.
     */
    public int reconcile(Duration grace) {
        int closed = 0;
        for (Decision decision : decisions.open(grace)) {
            NoticeRoom room = rooms.byId(decision.roomId()).orElse(null);
            try {
                Result result = decisions.apply(decision, true, false);
                metrics.reconciled(result.outcome().name().toLowerCase(Locale.ROOT));
                log.info("Reconciled join decision {} (room {}, user {}, {}): {}", decision.id(), decision.roomId(),
                        decision.userId(), decision.verdict().tag(), result.outcome().name().toLowerCase(Locale.ROOT));
                finish(decision.request(), room, result);
                closed++;
            } catch (RuntimeException e) {
                metrics.reconciled("failed");
                log.warn("Join decision {} (room {}, user {}) still open: {}; the next sweep retries", decision.id(),
                        decision.roomId(), decision.userId(), e.toString());
            }
        }
        return closed;
    }

    private Plan decide(NoticeRoom room, JoinRequest request) {
        Optional<LinkState> locked = request.inviteLink() == null ? Optional.empty() : store.lockLink(request.inviteLink());
        if (locked.isEmpty() || locked.get().roomId() != room.id()) {
            return new Plan(null, false, new Result(Outcome.UNKNOWN_LINK, null, null, 0));
        }
        LinkState link = locked.get();
        Requester requester = store.lockRequester(room.id(), request.userId());
        if (requester.hasOpenDecision()) { // rare (a redelivery, the sweep): only then is the decision itself read
            Optional<Decision> open = store.openDecision(room.id(), request.userId());
            if (open.isPresent()) { // else it was completed between the two reads: decided afresh, as before
                return new Plan(open.get(), false, null);
            }
        }
        Verdict verdict = JoinRequestPolicy.decide(link, requester.status(), clock.instant());
        if (room.archived() && verdict == Verdict.APPROVE) {
            // An archived room admits nobody new: its links were revoked, and one Telegram kept is declined here.
            log.info("Room {} is archived: join request of user {} by link «{}» declined", room.id(),
                    request.userId(), link.name());
            verdict = Verdict.DECLINE_REVOKED;
        }
        if (verdict == Verdict.ALREADY_MEMBER) {
            return new Plan(new Decision(0, room.id(), link, request.chatId(), request.userId(), verdict, request.source(),
                    request.username(), request.fullName(), request.requestedAt()), false, null);
        }
        // An approval reserves its slot now, under the link's lock, in the statement that writes it.
        return new Plan(verdict == Verdict.APPROVE ? store.reserveAndInsertApproval(room.id(), link, request)
                : store.insertDecision(room.id(), link, request, verdict), true, null);
    }

    private Result finish(JoinRequest request, NoticeRoom room, Result result) {
        String tag = result.outcome() == Outcome.DECLINED ? "declined_" + result.verdict().tag()
                : result.outcome().name().toLowerCase(Locale.ROOT);
        metrics.handled(request.source(), tag);
        if (result.outcome() == Outcome.APPROVED) {
            metrics.approvalLatency(request.source(), request.requestedAt() == null ? Duration.ZERO
                    : Duration.between(request.requestedAt(), clock.instant()));
        }
        if (room != null && (result.outcome() == Outcome.APPROVED || result.outcome() == Outcome.DECLINED)) {
            log.info("Room {}, link «{}»: join request of user {} {} ({}, via {})", room.id(), result.link().name(),
                    request.userId(), result.outcome().name().toLowerCase(Locale.ROOT),
                    result.verdict().tag(), request.source().name().toLowerCase(Locale.ROOT));
            notices.tellOwner(room, request, result);
        } else if (room != null && result.outcome() == Outcome.UNKNOWN_LINK) {
            log.info("Room {}: join request of user {} through a link we did not create ({}); left for the owner",
                    room.id(), request.userId(), request.inviteLink());
        }
        return result;
    }

    /** When the request was made, for the latency metric. */
    static Instant at(Integer epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
