package ru.smetabot.bot.joinrequests;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.smetabot.bot.jdbc.JdbcTransactions;
import ru.smetabot.bot.joinrequests.JoinRequestService.Outcome;
import ru.smetabot.bot.joinrequests.JoinRequestService.Result;
import ru.smetabot.bot.joinrequests.JoinRequestTelegram.Answer;
import ru.smetabot.bot.joinrequests.JoinRequestTelegram.Presence;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRegistry.NewClient;
import ru.smetabot.model.clients.ClientRegistry.Registration;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;

/**
 * Carries out a written decision: asks Telegram (outside any transaction), then records what Telegram
 * confirms in a transaction of its own. An approval Telegram answers ambiguously ({@code HIDE_REQUESTER_MISSING})
 * is recorded only when getChatMember shows the person in the channel; otherwise the reserved slot is given
 * back and nothing is recorded. Decisions left open (the process died between the Telegram call and the record,
 * or the record failed) are completed by {@link JoinRequestService#reconcile}, which runs with the sweep.
 */
@Component
class JoinDecisions {

    private static final Logger log = LoggerFactory.getLogger(JoinDecisions.class);

    private final JoinRequestStore store;
    private final ClientRegistry clients;
    private final EventLog events;
    private final JoinRequestTelegram telegram;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    JoinDecisions(JoinRequestStore store, ClientRegistry clients, EventLog events, JoinRequestTelegram telegram,
            JdbcTransactions tx) {
        this.store = store;
        this.clients = clients;
        this.events = events;
        this.telegram = telegram;
        this.tx = tx.template(); // plain SQL only: no JPA session per transaction
    }

    /**
     * Telegram first, then the record. {@code settle}: this caller may close the decision when Telegram shows
     * the person was not admitted (its own fresh decision, or the reconciliation); a caller that found someone
     * else's open decision leaves that to the reconciliation, since the other call may still be under way.
     * {@code firstCall}: no approve was sent for this decision before, so USER_ALREADY_PARTICIPANT means the person
     * was in before this link admitted anyone (the slot goes back); on a later call it may be our own earlier
     * approval answering, so the slot is kept and a limit of 1 never admits two.
     * Throws {@link BotApiException} when Telegram could not be asked (the decision stays open).
     */
    Result apply(Decision decision, boolean settle, boolean firstCall) {
        if (!decision.verdict().approves()) {
            Answer answer = telegram.decline(decision.chatId(), decision.userId());
            // A later call (the reconciliation) that finds the request gone and the person outside: the decline sent
            // before the instance died went through, so it is recorded as ours (as a kept approval is on approve).
            boolean ourEarlierDecline = answer != Answer.DONE && !firstCall && settle
                    && telegram.presence(decision.chatId(), decision.userId()) == Presence.ABSENT;
            return answer == Answer.DONE || ourEarlierDecline ? declined(decision) : closed(decision, "not_pending", settle);
        }
        Answer answer = telegram.approve(decision.chatId(), decision.userId());
        Presence presence = answer == Answer.DONE ? Presence.MEMBER : telegram.presence(decision.chatId(), decision.userId());
        if (presence == Presence.ABSENT) {
            log.info("Room {}: user {}'s request through link {} was no longer pending and they are not in the channel "
                    + "(withdrawn or declined by another admin); nothing recorded", decision.roomId(), decision.userId(),
                    decision.link().id());
            return closed(decision, "not_admitted", settle);
        }
        return admitted(decision, answer == Answer.PARTICIPANT && firstCall ? Answer.PARTICIPANT
                : answer == Answer.PARTICIPANT ? Answer.GONE : answer);
    }

    /** Open decisions older than {@code grace} (the reconciliation's work), each counted as one more attempt. */
    List<Decision> open(Duration grace) {
        List<Decision> open = store.openDecisionsBefore(clock.instant().minus(grace), 500);
        open.forEach(d -> tx.executeWithoutResult(s -> store.countAttempt(d.id())));
        return open;
    }

    /**
     * In one transaction: the decision is closed as {@code state}/{@code outcome} if it is still open ({@link
     * JoinRequestStore#claim}), and only then {@code step} records the rest; DUPLICATE when someone else closed it.
     */
    private Result record(Decision decision, String state, String outcome, Supplier<Result> step) {
        Result result = tx.execute(s -> store.claim(decision.id(), state, outcome) ? step.get() : null);
        return result != null ? result : duplicate(decision);
    }

    private static Result duplicate(Decision decision) {
        return new Result(Outcome.DUPLICATE, decision.verdict(), decision.link(), 0);
    }

    private Result admitted(Decision decision, Answer answer) {
        String outcome = answer == Answer.PARTICIPANT ? "already_participant" : answer == Answer.DONE ? "approved"
                : "member_confirmed";
        return record(decision, "applied", outcome, () -> admittedStep(decision, answer));
    }

    private Result admittedStep(Decision decision, Answer answer) {
        ClientStatus before = store.lockClient(decision.roomId(), decision.userId()).orElse(null);
        Registration registration = clients.register(new NewClient(decision.roomId(), decision.link().id(), decision.userId(),
                decision.username(), decision.fullName(), ClientStatus.ACTIVE, clock.instant()));
        if (answer == Answer.PARTICIPANT) {
            // In the channel already (another link, added by an admin): recorded, but this link admitted nobody.
            store.releaseApproval(decision.link().id());
            return new Result(Outcome.DUPLICATE, decision.verdict(), decision.link(), registration.clientId());
        }
        Map<String, Object> details = Map.of("invite_id", decision.link().id(), "tg_user_id", decision.userId(),
                "source", decision.source().name().toLowerCase(Locale.ROOT));
        // No row before (the lock saw none) but not inserted here either: the chat_member update of this very join
        // inserted it meanwhile (uncommitted rows are invisible to the lock) and recorded the join itself.
        boolean joined = registration.newlyRegistered() || before != null && before != ClientStatus.ACTIVE;
        events.record(joined ? List.of(EventType.CLIENT_JOIN, EventType.INVITE_USED) : List.of(EventType.INVITE_USED),
                decision.roomId(), registration.clientId(), details);
        return new Result(Outcome.APPROVED, decision.verdict(), decision.link(), registration.clientId());
    }

    private Result declined(Decision decision) {
        Result result = tx.execute(s -> {
            if (!store.claimDecline(decision.id())) { // closed and counted on the link in one statement
                return null;
            }
            events.record(EventType.JOIN_REQUEST_DECLINED, decision.roomId(), null, Map.of("invite_id", decision.link().id(),
                    "tg_user_id", decision.userId(), "reason", decision.verdict().tag()));
            return new Result(Outcome.DECLINED, decision.verdict(), decision.link(), 0);
        });
        return result != null ? result : duplicate(decision);
    }

    /** Telegram did not carry the decision out: the slot goes back, nothing is recorded. */
    private Result closed(Decision decision, String why, boolean settle) {
        if (!settle) { // the decision is someone else's to close: nothing to record, whether it is still open or not
            return duplicate(decision);
        }
        return record(decision, "abandoned", why, () -> {
            if (decision.verdict() == JoinRequestPolicy.Verdict.APPROVE) {
                store.releaseApproval(decision.link().id());
            }
            Outcome outcome = decision.verdict().approves() ? Outcome.NOT_ADMITTED : Outcome.DUPLICATE;
            return new Result(outcome, decision.verdict(), decision.link(), 0);
        });
    }
}
