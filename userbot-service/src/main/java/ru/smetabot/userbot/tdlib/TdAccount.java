package ru.smetabot.userbot.tdlib;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One account's TDLib client, its latest authorization state (set by the receiver thread) and the
 * views refreshes waiting for {@code updateMessageInteractionInfo}.
 */
final class TdAccount {

    static final String READY = "authorizationStateReady";
    static final String WAIT_PARAMETERS = "authorizationStateWaitTdlibParameters";
    static final String WAIT_PHONE = "authorizationStateWaitPhoneNumber";
    static final String WAIT_CODE = "authorizationStateWaitCode";
    static final String WAIT_PASSWORD = "authorizationStateWaitPassword";
    static final String CLOSED = "authorizationStateClosed";
    static final String WAIT_EMAIL_ADDRESS = "authorizationStateWaitEmailAddress";
    static final String WAIT_EMAIL_CODE = "authorizationStateWaitEmailCode";
    static final String WAIT_OTHER_DEVICE = "authorizationStateWaitOtherDeviceConfirmation";
    static final String WAIT_REGISTRATION = "authorizationStateWaitRegistration";
    static final String WAIT_PREMIUM_PURCHASE = "authorizationStateWaitPremiumPurchase";
    static final String LOGGING_OUT = "authorizationStateLoggingOut";
    static final String CLOSING = "authorizationStateClosing";

    private final long account;
    private final int clientId;
    private final Set<InteractionUpdates> watches = ConcurrentHashMap.newKeySet();
    private String state = "starting";
    private String error;
    private Instant loginDeadline;

    TdAccount(long account, int clientId, Instant loginDeadline) {
        this.account = account;
        this.clientId = clientId;
        this.loginDeadline = loginDeadline;
    }

    long account() {
        return account;
    }

    int clientId() {
        return clientId;
    }

    synchronized String state() {
        return state;
    }

    synchronized void state(String newState) {
        state = newState;
        notifyAll();
    }

    /** Why the client cannot open its session (TDLib refused setTdlibParameters), or null. */
    synchronized String error() {
        return error;
    }

    /** TDLib refused the session's parameters: whoever waits for a state stops waiting. */
    synchronized void fail(String reason) {
        error = reason;
        notifyAll();
    }

    /** Until when an unfinished login of this client is kept; afterwards it is abandoned (client and folder removed). */
    synchronized Instant loginDeadline() {
        return loginDeadline;
    }

    synchronized void loginDeadline(Instant deadline) {
        loginDeadline = deadline;
    }

    /**
     * Waits until the state is one of {@code wanted} or the session failed to open; answers the state
     * reached (maybe another one at the deadline).
     */
    synchronized String awaitState(Set<String> wanted, Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        while (!wanted.contains(state) && error == null) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return state;
    }

    /** Starts collecting the interaction updates of these messages; close the result to stop. */
    InteractionUpdates watchInteractions(long chatId, Collection<Long> tdMessageIds) {
        InteractionUpdates[] holder = new InteractionUpdates[1];
        holder[0] = new InteractionUpdates(chatId, tdMessageIds, () -> watches.remove(holder[0]));
        watches.add(holder[0]);
        return holder[0];
    }

    /** An {@code updateMessageInteractionInfo} (receiver thread); nobody waiting means nothing is kept. */
    void interactionInfo(long chatId, long tdMessageId, Integer viewCount) {
        watches.forEach(w -> w.offer(chatId, tdMessageId, viewCount));
    }
}
