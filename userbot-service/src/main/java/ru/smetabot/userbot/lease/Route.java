package ru.smetabot.userbot.lease;

/** Where a request for an account is served: here (this instance holds its lease) or at the holder. */
public sealed interface Route {

    /** This instance holds the account's lease with this fencing token; its session is open here. */
    record Local(long account, long fencingToken) implements Route {
    }

    /** Another live instance holds the account. */
    record Remote(LeaseStore.Holder holder) implements Route {
    }
}
