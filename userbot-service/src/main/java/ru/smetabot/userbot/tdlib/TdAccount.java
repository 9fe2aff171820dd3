package ru.smetabot.userbot.tdlib;

import java.time.Duration;
import java.util.Set;

/** One account's TDLib client and its latest authorization state (set by the receiver thread). */
final class TdAccount {

    static final String READY = "authorizationStateReady";
    static final String WAIT_PARAMETERS = "authorizationStateWaitTdlibParameters";
    static final String WAIT_PHONE = "authorizationStateWaitPhoneNumber";
    static final String WAIT_CODE = "authorizationStateWaitCode";
    static final String WAIT_PASSWORD = "authorizationStateWaitPassword";
    static final String CLOSED = "authorizationStateClosed";

    private final long account;
    private final int clientId;
    private String state = "starting";

    TdAccount(long account, int clientId) {
        this.account = account;
        this.clientId = clientId;
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

    /** Waits until the state is one of {@code wanted}; answers the state reached (maybe another one at the deadline). */
    synchronized String awaitState(Set<String> wanted, Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        while (!wanted.contains(state)) {
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
}
